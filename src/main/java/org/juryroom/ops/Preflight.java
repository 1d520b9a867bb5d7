package org.juryroom.ops;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Start-up checks that run before Quarkus boots, so that a half-configured production
 * deployment stops with one clear line instead of a stack trace from deep inside a pool.
 */
public final class Preflight {

    /** Required in production: environment variable and the equivalent system property. */
    static final Map<String, String> REQUIRED = requiredSettings();

    private static Map<String, String> requiredSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        settings.put("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
        settings.put("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");
        settings.put("QUARKUS_MINIO_HOST", "quarkus.minio.host");
        settings.put("QUARKUS_MINIO_ACCESS_KEY", "quarkus.minio.access-key");
        settings.put("QUARKUS_MINIO_SECRET_KEY", "quarkus.minio.secret-key");
        settings.put("JURYROOM_BUCKET", "juryroom.bucket");
        // Encrypts the web sign-in cookie and derives the CSRF key; shared by every instance.
        settings.put("JURYROOM_SESSION_KEY", "quarkus.http.auth.session.encryption-key");
        return settings;
    }

    /** 32 characters of base64 carry 192 bits: plenty for the AES key derived from it. */
    static final int MIN_SESSION_KEY_LENGTH = 32;

    private Preflight() {
    }

    public static boolean wantsEmbedded(String profile) {
        boolean embeddedProfile = profiles(profile).stream().anyMatch(p -> p.equals("dev") || p.equals("embedded"));
        return embeddedProfile && setting("QUARKUS_DATASOURCE_JDBC_URL") == null;
    }

    public static boolean isProduction(String profile) {
        return profiles(profile).contains("prod");
    }

    /** Returns null when production is fully configured and both services answer, else the reason. */
    public static String checkProduction() {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED.keySet()) {
            if (setting(name) == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return "missing configuration " + String.join(", ", missing)
                    + " (set them as environment variables; see README, 'Production set-up')";
        }
        if (setting("JURYROOM_SESSION_KEY").length() < MIN_SESSION_KEY_LENGTH) {
            return "JURYROOM_SESSION_KEY is too short: use at least " + MIN_SESSION_KEY_LENGTH
                    + " random characters, e.g. the output of 'openssl rand -base64 32'";
        }
        String url = setting("QUARKUS_DATASOURCE_JDBC_URL");
        DriverManager.setLoginTimeout(10);
        try (Connection ignored = DriverManager.getConnection(url, setting("QUARKUS_DATASOURCE_USERNAME"),
                setting("QUARKUS_DATASOURCE_PASSWORD"))) {
            // reachable
        } catch (Exception e) {
            return "PostgreSQL at " + url + " is not reachable: " + e.getMessage();
        }
        String bucket = setting("JURYROOM_BUCKET");
        String endpoint = minioEndpoint();
        try {
            MinioClient client = MinioClient.builder().endpoint(endpoint)
                    .credentials(setting("QUARKUS_MINIO_ACCESS_KEY"), setting("QUARKUS_MINIO_SECRET_KEY")).build();
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return "object store at " + endpoint + " is not reachable: " + e.getMessage();
        }
        return null;
    }

    private static String minioEndpoint() {
        String host = setting("QUARKUS_MINIO_HOST");
        boolean secure = "true".equalsIgnoreCase(setting("QUARKUS_MINIO_SECURE"));
        if (!host.startsWith("http://") && !host.startsWith("https://")) {
            host = (secure ? "https://" : "http://") + host;
        }
        String port = setting("QUARKUS_MINIO_PORT");
        return port == null ? host : host + ":" + port;
    }

    private static List<String> profiles(String profile) {
        return Arrays.stream(profile.split(",")).map(String::trim).toList();
    }

    /** A system property (as Quarkus would read it) or else the environment variable. */
    static String setting(String envName) {
        String propertyName = REQUIRED.getOrDefault(envName, envName.toLowerCase(Locale.ROOT).replace('_', '.'));
        String property = System.getProperty(propertyName);
        String value = property != null ? property : System.getenv(envName);
        return value == null || value.isBlank() ? null : value;
    }
}
