package org.juryroom.ops;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.minio.http.HttpUtils;
import io.smallrye.config.Converters;
import okhttp3.HttpUrl;
import org.juryroom.storage.StoreHttp;

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
        // Mail: invitations and password resets need SMTP and the address links in mails start with.
        settings.put("QUARKUS_MAILER_HOST", "quarkus.mailer.host");
        settings.put("QUARKUS_MAILER_PORT", "quarkus.mailer.port");
        settings.put("QUARKUS_MAILER_FROM", "quarkus.mailer.from");
        settings.put("JURYROOM_PUBLIC_URL", "juryroom.public-url");
        return settings;
    }

    /** Optional settings Preflight reads: environment variable and the property Quarkus reads. */
    private static final Map<String, String> OPTIONAL = Map.of(
            "JURYROOM_ORGANISER_PASSWORD", "juryroom.organiser-password",
            "QUARKUS_MAILER_USERNAME", "quarkus.mailer.username",
            "QUARKUS_MAILER_PASSWORD", "quarkus.mailer.password",
            "QUARKUS_MAILER_TLS", "quarkus.mailer.tls",
            "QUARKUS_MAILER_START_TLS", "quarkus.mailer.start-tls");

    private static final java.util.regex.Pattern MAIL_ADDRESS =
            java.util.regex.Pattern.compile("(?:[^<>]*<)?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?");

    /** 32 characters of base64 carry 192 bits: plenty for the AES key derived from it. */
    static final int MIN_SESSION_KEY_LENGTH = 32;

    private Preflight() {
    }

    /** Set by the embedded mode once its services run; their addresses are then system properties of this JVM. */
    public static final String EMBEDDED_STARTED = "juryroom-embedded-services.started";

    /** The settings that name a service of the installation's own: the embedded mode starts its own instead. */
    static final List<String> EXTERNAL_SERVICES = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_MINIO_HOST",
            "QUARKUS_MAILER_HOST");

    /** The embedded mode: profile dev or embedded (dev inherits it). */
    public static boolean wantsEmbedded(String profile) {
        return profiles(profile).stream().anyMatch(p -> p.equals("dev") || p.equals("embedded"));
    }

    /**
     * Null when the embedded mode may start here, else why not: a setting names a service of the installation's
     * own (a database, a store, a mail server), which this profile would ignore or, for the database, fill with
     * the demo and its public passwords. Not asked again once the embedded services run (a dev-mode restart reads
     * their addresses from the system properties they left).
     */
    public static String checkEmbedded(String profile) {
        if (System.getProperty(EMBEDDED_STARTED) != null) {
            return null;
        }
        for (String name : EXTERNAL_SERVICES) {
            if (setting(name) != null) {
                return name + " is set, but profile " + profile + " starts its own PostgreSQL, S3 and SMTP servers"
                        + " and seeds demo accounts whose passwords are their usernames: to use the configured services"
                        + " start the production profile (without -Dquarkus.profile, or QUARKUS_PROFILE=prod); for the"
                        + " demo, unset " + name;
            }
        }
        return null;
    }

    public static boolean isProduction(String profile) {
        return profiles(profile).contains("prod");
    }

    /** Returns null when production is fully configured and both services answer, else the reason. */
    public static String checkProduction() {
        String settings = checkSettings();
        return settings != null ? settings : checkServices();
    }

    /** The pre-flight checks' verdict on the services, once asked (null: all well); at once null when not asked. */
    private static volatile java.util.concurrent.CompletableFuture<String> verdict =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    /**
     * Asks the services beside Quarkus' boot (docs/operations.md, "Start-up time"): their clients' classes
     * load on the second core meanwhile. The schema migration waits for the verdict ({@link StartSteps}).
     */
    public static java.util.concurrent.CompletableFuture<String> checkServicesInBackground() {
        var asked = java.util.concurrent.CompletableFuture.supplyAsync(Preflight::checkServices, Preflight::daemon);
        verdict = asked;
        return asked;
    }

    static java.util.concurrent.CompletableFuture<String> verdict() {
        return verdict;
    }

    /** Null when every required setting is there and well-formed, else the reason; asks no service. */
    public static String checkSettings() {
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
        String store = checkStoreSettings();
        return store != null ? store : checkMailSettings();
    }

    /** Null when PostgreSQL and the object store answer with what the start needs, else the reason. */
    static String checkServices() {
        // The two services are asked at once: each check loads its client's classes (the JDBC driver;
        // MinIO with OkHttp and Kotlin), which is most of the time they take before Quarkus starts.
        var store = java.util.concurrent.CompletableFuture.supplyAsync(Preflight::checkObjectStore, Preflight::daemon);
        String database = checkDatabase();
        return database != null ? database : store.join();
    }

    /** Null when PostgreSQL answers with what the first start needs, else the reason. */
    private static String checkDatabase() {
        String url = setting("QUARKUS_DATASOURCE_JDBC_URL");
        String user = setting("QUARKUS_DATASOURCE_USERNAME");
        DriverManager.setLoginTimeout(10);
        try (Connection db = DriverManager.getConnection(url, user, setting("QUARKUS_DATASOURCE_PASSWORD"))) {
            return checkDatabase(db, user);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                return "PostgreSQL at " + url + " refused the credentials of user '" + user
                        + "' (check QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)";
            }
            return "PostgreSQL at " + url + " is not reachable: " + firstLine(e.getMessage());
        }
    }

    /** Null when the object store answers, else the reason. */
    private static String checkObjectStore() {
        String bucket = setting("JURYROOM_BUCKET");
        HttpUrl endpoint = storeEndpoint();
        try {
            MinioClient client = MinioClient.builder().endpoint(endpoint)
                    .httpClient(StoreHttp.shared(endpoint.isHttps()))
                    .credentials(setting("QUARKUS_MINIO_ACCESS_KEY"), setting("QUARKUS_MINIO_SECRET_KEY")).build();
            // OkHttp's default read timeout would hold a start for minutes on a store that accepts and hangs.
            client.setTimeout(10_000, 10_000, 10_000);
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return null;
        } catch (Exception e) {
            return "object store at " + endpoint + " is not reachable: " + firstLine(e.getMessage());
        }
    }

    /** A thread that does not keep the JVM alive should a check hang past a refusal. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "preflight");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The SMTP settings and the public address, checked as a whole: a half-configured mailer would
     * start and then fail every message in the outbox.
     */
    static String checkMailSettings() {
        String port = setting("QUARKUS_MAILER_PORT");
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return "QUARKUS_MAILER_PORT must be a port number (587 for STARTTLS, 465 for TLS), not '" + port + "'";
        }
        boolean user = setting("QUARKUS_MAILER_USERNAME") != null;
        boolean password = setting("QUARKUS_MAILER_PASSWORD") != null;
        if (user != password) {
            return "set both QUARKUS_MAILER_USERNAME and QUARKUS_MAILER_PASSWORD, or neither (an SMTP relay that"
                    + " needs no sign-in): only " + (user ? "the username" : "the password") + " is set";
        }
        String tls = setting("QUARKUS_MAILER_TLS");
        if (tls != null && !tls.equalsIgnoreCase("true") && !tls.equalsIgnoreCase("false")) {
            return "QUARKUS_MAILER_TLS must be true (TLS from the first byte, usually port 465) or false, not '"
                    + tls + "'";
        }
        String startTls = setting("QUARKUS_MAILER_START_TLS");
        if (startTls != null && !List.of("DISABLED", "OPTIONAL", "REQUIRED").contains(startTls.toUpperCase(Locale.ROOT))) {
            return "QUARKUS_MAILER_START_TLS must be DISABLED, OPTIONAL or REQUIRED, not '" + startTls + "'";
        }
        boolean implicitTls = "true".equalsIgnoreCase(tls);
        if (implicitTls && startTls != null && startTls.equalsIgnoreCase("REQUIRED")) {
            return "set either QUARKUS_MAILER_TLS=true (port 465) or QUARKUS_MAILER_START_TLS=REQUIRED (port 587),"
                    + " not both";
        }
        if (user && !implicitTls && startTls != null && startTls.equalsIgnoreCase("DISABLED")) {
            return "QUARKUS_MAILER_START_TLS=DISABLED without QUARKUS_MAILER_TLS=true would send the SMTP password"
                    + " unencrypted: use STARTTLS (REQUIRED) or TLS";
        }
        if (!MAIL_ADDRESS.matcher(setting("QUARKUS_MAILER_FROM")).matches()) {
            return "QUARKUS_MAILER_FROM must be a mail address, e.g. 'JuryRoom <juryroom@example.org>'";
        }
        String publicUrl = setting("JURYROOM_PUBLIC_URL");
        if (!publicUrl.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
            return "JURYROOM_PUBLIC_URL must be the address people open JuryRoom at, e.g. https://juryroom.example.org"
                    + " (links in mails start with it), not '" + publicUrl + "'";
        }
        return null;
    }

    /**
     * Null when the SMTP server accepts a connection now, else a warning. Unlike the database, an
     * SMTP server that is down does not stop the start: mails wait in the outbox until it is back.
     */
    public static String mailWarning() {
        String host = setting("QUARKUS_MAILER_HOST");
        int port = Integer.parseInt(setting("QUARKUS_MAILER_PORT"));
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 5000);
            return null;
        } catch (java.io.IOException e) {
            return "SMTP server at " + host + ":" + port + " is not reachable now (" + firstLine(e.getMessage())
                    + "); mails wait in the outbox until it is";
        }
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

    /**
     * The object store's host, port and scheme, well-formed and agreeing, else the reason. quarkus-minio takes
     * the scheme from {@code quarkus.minio.secure} alone (false in application.properties): a host written
     * {@code https://…} with it unset would be checked here over HTTPS and then spoken to in plain HTTP.
     */
    static String checkStoreSettings() {
        String port = setting("QUARKUS_MINIO_PORT");
        if (port != null && (!port.strip().matches("[0-9]{1,5}") || Integer.parseInt(port.strip()) < 1
                || Integer.parseInt(port.strip()) > 65535)) {
            return "QUARKUS_MINIO_PORT must be a port number, e.g. 9000, not '" + port + "'";
        }
        String secure = setting("QUARKUS_MINIO_SECURE");
        if (secure != null && !truth(secure) && !secure.strip().matches("(?i)false|0|no|n|off")) {
            return "QUARKUS_MINIO_SECURE must be true (HTTPS) or false (plain HTTP), not '" + secure + "'";
        }
        String host = setting("QUARKUS_MINIO_HOST").strip();
        HttpUrl written;
        try {
            written = HttpUtils.getBaseUrl(host);
        } catch (IllegalArgumentException e) {
            return "QUARKUS_MINIO_HOST must be the object store's host name, e.g. minio.internal, not '" + host
                    + "' (" + firstLine(e.getMessage()) + ")";
        }
        boolean https = minioSecure();
        if (HttpUrl.parse(host) != null && written.isHttps() != https) {
            return "QUARKUS_MINIO_HOST is " + host + " but QUARKUS_MINIO_SECURE is " + (https ? "true" : "not true")
                    + ": the object store's client takes its scheme from QUARKUS_MINIO_SECURE alone and would speak "
                    + (https ? "HTTPS" : "plain HTTP") + " to it; set QUARKUS_MINIO_SECURE=" + !https
                    + ", or write the host without " + written.scheme() + "://";
        }
        return null;
    }

    /**
     * The object store's address exactly as quarkus-minio builds its client's (MinioClients): the host as MinIO
     * reads it, the port of QUARKUS_MINIO_PORT if set, and the scheme of QUARKUS_MINIO_SECURE, whatever the
     * host says. {@link #checkStoreSettings} has accepted the settings.
     */
    static HttpUrl storeEndpoint() {
        HttpUrl.Builder url = HttpUtils.getBaseUrl(setting("QUARKUS_MINIO_HOST").strip()).newBuilder();
        String port = setting("QUARKUS_MINIO_PORT");
        if (port != null) {
            url.port(Integer.parseInt(port.strip()));
        }
        return url.scheme(minioSecure() ? "https" : "http").build();
    }

    /** QUARKUS_MINIO_SECURE as Quarkus reads it; unset, application.properties' false. */
    private static boolean minioSecure() {
        String secure = setting("QUARKUS_MINIO_SECURE");
        return secure != null && truth(secure);
    }

    /** A boolean setting as SmallRye Config converts it (true, yes, on, 1, … in any case). */
    private static boolean truth(String value) {
        return Converters.getImplicitConverter(Boolean.class).convert(value.strip());
    }

    private static List<String> profiles(String profile) {
        return Arrays.stream(profile.split(",")).map(String::trim).toList();
    }

    /** The environment variables {@link #setting} reads: the process's own, unless a test gave others. */
    private static volatile Map<String, String> environment = System.getenv();

    /** Reads {@code variables} as the environment from now on (tests: the machine's own must not leak in). */
    static void readEnvironment(Map<String, String> variables) {
        environment = Map.copyOf(variables);
    }

    /** A system property (as Quarkus would read it) or else the environment variable. */
    static String setting(String envName) {
        String propertyName = REQUIRED.containsKey(envName) ? REQUIRED.get(envName)
                : OPTIONAL.getOrDefault(envName, envName.toLowerCase(Locale.ROOT).replace('_', '.'));
        String property = System.getProperty(propertyName);
        String value = property != null ? property : environment.get(envName);
        return value == null || value.isBlank() ? null : value;
    }
}
