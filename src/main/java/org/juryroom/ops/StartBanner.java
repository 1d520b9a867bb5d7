package org.juryroom.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * What the log says at start: the one banner once the app is ready, and where the first
 * organiser's password came from. Pure text, so both are tested without starting anything.
 */
public final class StartBanner {

    private StartBanner() {
    }

    /**
     * The banner: where to open the app, who can sign in (the demo's accounts, when seeded) and
     * where the data lives.
     */
    public static String text(String url, List<String> accounts, String dataLocation) {
        List<String> lines = new ArrayList<>();
        lines.add("JuryRoom is ready: open " + url);
        if (!accounts.isEmpty()) {
            lines.add("Demo accounts (password = username):");
            accounts.forEach(a -> lines.add("  " + a));
        }
        lines.add("Data: " + dataLocation);
        String rule = "=".repeat(lines.stream().mapToInt(String::length).max().orElse(0));
        return "\n" + rule + "\n" + String.join("\n", lines) + "\n" + rule;
    }

    /** The address to print for a server listening on {@code host}:{@code port}. */
    public static String url(String host, int port) {
        String shown = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }

    /**
     * Where a setting's value came from, in words, from SmallRye's config source name and the
     * profile it was read under: an environment variable, a system property, or a file.
     */
    public static String passwordSource(String envName, String property, String sourceName, String profile) {
        String source = sourceName == null ? "" : sourceName;
        if (source.startsWith("EnvConfigSource")) {
            return "the environment variable " + envName;
        }
        if (source.startsWith("SysPropConfigSource")) {
            return "the system property " + property;
        }
        if (source.contains("application.properties")) {
            return profile != null && !profile.isBlank()
                    ? "the " + profile + " profile's demo password in application.properties (not for production)"
                    : "application.properties";
        }
        return "the setting " + property + " (" + (source.isEmpty() ? "unknown source" : source) + ")";
    }
}
