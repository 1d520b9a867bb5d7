package org.juryroom.ops;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** Optional settings Preflight reads: environment variable and the property Quarkus reads. */
    private static final Map<String, String> OPTIONAL = Map.of(
            "JURYROOM_ORGANISER_PASSWORD", "juryroom.organiser-password");

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
        String user = setting("QUARKUS_DATASOURCE_USERNAME");
        DriverManager.setLoginTimeout(10);
        try (Connection db = DriverManager.getConnection(url, user, setting("QUARKUS_DATASOURCE_PASSWORD"))) {
            String problem = checkDatabase(db, user);
            if (problem != null) {
                return problem;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                return "PostgreSQL at " + url + " refused the credentials of user '" + user
                        + "' (check QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)";
            }
            return "PostgreSQL at " + url + " is not reachable: " + firstLine(e.getMessage());
        }
        String bucket = setting("JURYROOM_BUCKET");
        String endpoint = minioEndpoint();
        try {
            MinioClient client = MinioClient.builder().endpoint(endpoint)
                    .credentials(setting("QUARKUS_MINIO_ACCESS_KEY"), setting("QUARKUS_MINIO_SECRET_KEY")).build();
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            return "object store at " + endpoint + " is not reachable: " + firstLine(e.getMessage());
        }
        return null;
    }

    /**
     * What Flyway and the first start need from the database, checked before anything is changed:
     * an organiser or the password to create one, and on a fresh database the right to create
     * tables (PostgreSQL 15+ no longer grants CREATE on schema public to every role).
     */
    static String checkDatabase(Connection db, String user) throws SQLException {
        boolean migrated = exists(db, "select to_regclass('app_user') is not null");
        boolean organiser = migrated && exists(db, "select exists (select 1 from app_user where role = 'organiser')");
        if (!organiser && setting("JURYROOM_ORGANISER_PASSWORD") == null) {
            return "no organiser account exists yet: set JURYROOM_ORGANISER_PASSWORD for the first start"
                    + " (it creates the 'organiser' account once)";
        }
        if (!migrated && !exists(db, "select coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)")) {
            return "database user '" + user + "' may not create tables in schema "
                    + schemaName(db) + ": make it the owner of the database (CREATE DATABASE juryroom OWNER "
                    + user + ") or GRANT CREATE ON SCHEMA public TO " + user + " (PostgreSQL 15+ no longer"
                    + " grants it to every user)";
        }
        return null;
    }

    private static boolean exists(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static String schemaName(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(current_schema(), 'public')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** PostgreSQL's server messages carry location and SQLState on further lines. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
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
        String propertyName = REQUIRED.containsKey(envName) ? REQUIRED.get(envName)
                : OPTIONAL.getOrDefault(envName, envName.toLowerCase(Locale.ROOT).replace('_', '.'));
        String property = System.getProperty(propertyName);
        String value = property != null ? property : System.getenv(envName);
        return value == null || value.isBlank() ? null : value;
    }
}
