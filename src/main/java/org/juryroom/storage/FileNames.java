package org.juryroom.storage;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Client file names are untrusted text: keep a safe display name, never use them as keys or paths. */
public final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** The last path segment, without control or path characters, bounded in length. */
    public static String sanitise(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == '"' || cp == ':' || cp == '*' || cp == '?' || cp == '<'
                    || cp == '>' || cp == '|' || Character.getType(cp) == Character.FORMAT) {
                sb.append('_');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        name = sb.toString().strip().replaceAll("^\\.+", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            // Counted and cut in code points, never inside a surrogate pair (an emoji, a rare CJK letter).
            String ext = extension(name);
            String suffix = ext.isEmpty() || ext.codePointCount(0, ext.length()) > MAX_LENGTH / 2 ? "" : "." + ext;
            int keep = MAX_LENGTH - suffix.codePointCount(0, suffix.length());
            name = name.substring(0, name.offsetByCodePoints(0, keep)) + suffix;
        }
        return name;
    }

    /** Extensions of scripts, executables and active documents: never acceptable inside a file's name. */
    private static final java.util.Set<String> ACTIVE = java.util.Set.of("php", "php3", "php4", "php5", "phtml", "phar",
            "asp", "aspx", "jsp", "jspx", "cgi", "pl", "py", "rb", "sh", "bash", "exe", "dll", "com", "bat", "cmd",
            "ps1", "vbs", "js", "mjs", "jar", "msi", "scr", "html", "htm", "xhtml", "shtml", "svg", "hta");

    /**
     * Why a client name hides another type ({@code a.php%00.jpg}, {@code a.php.jpg}), or null when it
     * does not. A server or a download that trusts the name up to a NUL, or an inner extension, would
     * treat the file as a script; such names are refused, whatever the content.
     */
    public static String hiddenType(String clientName) {
        if (clientName == null) {
            return null;
        }
        String lower = clientName.toLowerCase(Locale.ROOT);
        if (lower.indexOf('\0') >= 0 || lower.contains("%00")) {
            return "its name contains a NUL byte";
        }
        String[] parts = lower.substring(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1).split("\\.");
        for (int i = 1; i < parts.length - 1; i++) {
            if (ACTIVE.contains(parts[i].strip())) {
                return "its name hides the extension '." + parts[i].strip() + "'";
            }
        }
        return null;
    }

    /** The lower-case extension after the last dot, or "" when there is none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** RFC 6266 / RFC 5987 attachment header value, safe for any display name. */
    public static String contentDisposition(String displayName) {
        String ascii = displayName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(displayName);
    }

    /**
     * The file name a client gave in a Content-Disposition header (RFC 6266): {@code filename*}
     * (RFC 8187, UTF-8 percent-encoded) if present, else {@code filename}, quoted or not; null
     * when there is none. The result is still untrusted: {@link #sanitise} it.
     */
    public static String fromContentDisposition(String header) {
        if (header == null) {
            return null;
        }
        String plain = null;
        for (String param : header.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = param.substring(eq + 1).strip();
            if (name.equals("filename*")) {
                int quote = value.indexOf("''");
                if (quote > 0 && value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
                    return percentDecode(value.substring(quote + 2));
                }
            } else if (name.equals("filename")) {
                plain = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1") : value;
            }
        }
        return plain;
    }

    private static String percentDecode(String value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String percentEncode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
