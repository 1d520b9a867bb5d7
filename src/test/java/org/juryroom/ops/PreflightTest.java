package org.juryroom.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production start-up check, without Quarkus: settings come from system properties here, and Preflight reads
 * an empty environment (or the one a test gives it), so the machine's own variables cannot change a verdict.
 */
class PreflightTest {

    @BeforeEach
    void noEnvironment() {
        Preflight.readEnvironment(Map.of());
    }

    @AfterEach
    void processEnvironment() {
        Preflight.readEnvironment(System.getenv());
    }

    /** Environment variable → the system property Preflight reads first (as Quarkus names it). */
    private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        REQUIRED.put("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username");
        REQUIRED.put("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password");
        REQUIRED.put("QUARKUS_MINIO_HOST", "quarkus.minio.host");
        REQUIRED.put("QUARKUS_MINIO_ACCESS_KEY", "quarkus.minio.access-key");
        REQUIRED.put("QUARKUS_MINIO_SECRET_KEY", "quarkus.minio.secret-key");
        REQUIRED.put("JURYROOM_BUCKET", "juryroom.bucket");
        REQUIRED.put("JURYROOM_SESSION_KEY", "quarkus.http.auth.session.encryption-key");
        REQUIRED.put("QUARKUS_MAILER_HOST", "quarkus.mailer.host");
        REQUIRED.put("QUARKUS_MAILER_PORT", "quarkus.mailer.port");
        REQUIRED.put("QUARKUS_MAILER_FROM", "quarkus.mailer.from");
        REQUIRED.put("JURYROOM_PUBLIC_URL", "juryroom.public-url");
    }

    /** Optional settings Preflight also reads; cleared, so that only the values a test sets are read. */
    private static final List<String> OPTIONAL = List.of("quarkus.minio.secure", "quarkus.minio.port",
            "juryroom.organiser-password", "quarkus.mailer.username", "quarkus.mailer.password", "quarkus.mailer.tls",
            "quarkus.mailer.start-tls");

    @Test
    void namesEveryMissingSetting() {
        withProperties(Map.of(), () -> {
            String problem = Preflight.checkProduction();
            assertThat(problem).startsWith("missing configuration");
            REQUIRED.keySet().forEach(name -> assertThat(problem).contains(name));
        });
    }

    @Test
    void namesOnlyTheSettingsStillMissing() {
        Map<String, String> some = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/x",
                "quarkus.datasource.username", "juryroom",
                "quarkus.minio.host", "127.0.0.1",
                // A blank value counts as missing.
                "quarkus.datasource.password", "  ");
        withProperties(some, () -> {
            String problem = Preflight.checkProduction();
            assertThat(problem).startsWith("missing configuration")
                    .contains("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_MINIO_ACCESS_KEY", "QUARKUS_MINIO_SECRET_KEY",
                            "JURYROOM_BUCKET")
                    .doesNotContain("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_MINIO_HOST");
        });
    }

    @Test
    void saysPostgresIsNotReachable() {
        withProperties(complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret"), () -> {
            String problem = Preflight.checkProduction();
            assertThat(problem).isNotNull()
                    .startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:1/x is not reachable")
                    .doesNotContain("missing configuration")
                    .doesNotContain("secret");
        });
    }

    /** A wrong database password is one line that names the user, never the password. */
    @Test
    void saysTheDatabaseRefusedTheCredentials() throws Exception {
        withDatabase(pg -> withProperties(complete(url(pg, "fresh"), "limited", "wrong-password"),
                () -> assertThat(Preflight.checkProduction())
                        .isEqualTo("PostgreSQL at " + url(pg, "fresh") + " refused the credentials"
                                + " of user 'limited' (check QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)")));
    }

    /** An empty database and no organiser password: refused before Flyway changes anything. */
    @Test
    void refusesAFirstStartWithoutTheOrganiserPassword() throws Exception {
        withDatabase(pg -> withProperties(complete(url(pg, "owned"), "owner", "owner-password"),
                () -> {
                    assertThat(Preflight.checkProduction()).startsWith("no organiser account exists yet")
                            .contains("JURYROOM_ORGANISER_PASSWORD").doesNotContain("\n");
                    assertThat(tableCount(pg, "owned")).isZero();
                }));
    }

    /** PostgreSQL 15+: a user that neither owns the database nor has CREATE on public is told what to grant. */
    @Test
    void saysWhatTheDatabaseUserNeedsOnAFreshDatabase() throws Exception {
        withDatabase(pg -> {
            Map<String, String> config = complete(url(pg, "fresh"), "limited", "limited-password");
            config.put("juryroom.organiser-password", "first-organiser-password");
            withProperties(config, () -> assertThat(Preflight.checkProduction())
                    .startsWith("database user 'limited' may not create tables in schema public")
                    .contains("GRANT CREATE ON SCHEMA public TO limited").doesNotContain("first-organiser-password"));
            // The owner passes the database checks and reaches the object store check.
            Map<String, String> owner = complete(url(pg, "owned"), "owner", "owner-password");
            owner.put("juryroom.organiser-password", "first-organiser-password");
            withProperties(owner, () -> assertThat(Preflight.checkProduction()).startsWith("object store at"));
        });
    }

    /** A database that has an organiser needs no organiser password. */
    @Test
    void acceptsAMigratedDatabaseThatHasAnOrganiser() throws Exception {
        withDatabase(pg -> {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(pg, "owned"), "owner", "owner-password");
                 java.sql.Statement st = c.createStatement()) {
                st.execute("create table app_user (id bigint primary key, role varchar(20) not null)");
                st.execute("insert into app_user values (1, 'organiser')");
                withProperties(complete(url(pg, "owned"), "owner", "owner-password"),
                        () -> assertThat(Preflight.checkProduction()).startsWith("object store at"));
                st.execute("delete from app_user");
                withProperties(complete(url(pg, "owned"), "owner", "owner-password"),
                        () -> assertThat(Preflight.checkProduction()).startsWith("no organiser account exists yet"));
            } finally {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url(pg, "owned"), "owner", "owner-password");
                     java.sql.Statement st = c.createStatement()) {
                    st.execute("drop table if exists app_user");
                }
            }
        });
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    /**
     * One real PostgreSQL for these checks, with password authentication for everyone but the
     * superuser: database 'owned' belongs to user 'owner'; 'fresh' belongs to the superuser, so
     * user 'limited' has no CREATE on its schema public (PostgreSQL 15+ default).
     */
    private static synchronized void withDatabase(DatabaseCheck check) throws Exception {
        if (postgres == null) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("juryroom-preflight-");
            postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(true).start();
            try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
                 java.sql.Statement st = c.createStatement()) {
                st.execute("create role owner login password 'owner-password'");
                st.execute("create role limited login password 'limited-password'");
                st.execute("create database owned owner owner");
                st.execute("create database fresh");
                java.nio.file.Files.writeString(dir.resolve("pg_hba.conf"), """
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                st.execute("select pg_reload_conf()");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (java.io.IOException ignored) {
                    // the temp directory goes with the JVM's temp files
                }
            }));
        }
        check.run(postgres);
    }

    @FunctionalInterface
    private interface DatabaseCheck {
        void run(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg) throws Exception;
    }

    private static long tableCount(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String db) {
        try (java.sql.Connection c = pg.getDatabase("postgres", db).getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rows = st.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg, String db) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + db;
    }

    /** Every required setting, with this database and an object store nobody listens on. */
    private static Map<String, String> complete(String jdbcUrl, String user, String password) {
        Map<String, String> all = new HashMap<>();
        all.put("quarkus.datasource.jdbc.url", jdbcUrl);
        all.put("quarkus.datasource.username", user);
        all.put("quarkus.datasource.password", password);
        all.put("quarkus.minio.host", "127.0.0.1");
        all.put("quarkus.minio.port", "1");
        all.put("quarkus.minio.secure", "false");
        all.put("quarkus.minio.access-key", "access");
        all.put("quarkus.minio.secret-key", "secret-key");
        all.put("juryroom.bucket", "juryroom");
        all.put("quarkus.http.auth.session.encryption-key", "a-session-key-of-more-than-32-characters");
        all.put("quarkus.mailer.host", "127.0.0.1");
        all.put("quarkus.mailer.port", "1");
        all.put("quarkus.mailer.from", "JuryRoom <juryroom@example.org>");
        all.put("juryroom.public-url", "https://juryroom.example.org");
        return all;
    }

    /** Each half-configured or contradictory mail setting is one line that says what to set. */
    @Test
    void refusesHalfConfiguredMail() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("quarkus.mailer.port=smtp", "QUARKUS_MAILER_PORT must be a port number");
        cases.put("quarkus.mailer.port=70000", "QUARKUS_MAILER_PORT must be a port number");
        cases.put("quarkus.mailer.username=juryroom", "set both QUARKUS_MAILER_USERNAME and QUARKUS_MAILER_PASSWORD");
        cases.put("quarkus.mailer.password=mail-secret", "set both QUARKUS_MAILER_USERNAME and QUARKUS_MAILER_PASSWORD");
        cases.put("quarkus.mailer.tls=yes", "QUARKUS_MAILER_TLS must be true");
        cases.put("quarkus.mailer.start-tls=ALWAYS", "QUARKUS_MAILER_START_TLS must be DISABLED, OPTIONAL or REQUIRED");
        cases.put("quarkus.mailer.from=juryroom", "QUARKUS_MAILER_FROM must be a mail address");
        cases.put("juryroom.public-url=juryroom.example.org", "JURYROOM_PUBLIC_URL must be the address");
        cases.forEach((setting, expected) -> {
            Map<String, String> config = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
            String[] kv = setting.split("=", 2);
            config.put(kv[0], kv[1]);
            withProperties(config, () -> assertThat(Preflight.checkProduction()).as(setting).startsWith(expected)
                    .doesNotContain("\n").doesNotContain("mail-secret"));
        });
        Map<String, String> both = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
        both.put("quarkus.mailer.tls", "true");
        both.put("quarkus.mailer.start-tls", "REQUIRED");
        withProperties(both, () -> assertThat(Preflight.checkProduction()).startsWith("set either QUARKUS_MAILER_TLS"));
        Map<String, String> clear = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
        clear.put("quarkus.mailer.username", "juryroom");
        clear.put("quarkus.mailer.password", "mail-secret");
        clear.put("quarkus.mailer.start-tls", "DISABLED");
        withProperties(clear, () -> assertThat(Preflight.checkProduction())
                .contains("would send the SMTP password unencrypted").doesNotContain("mail-secret"));
        // Complete and consistent mail settings pass on to the database check.
        Map<String, String> good = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
        good.put("quarkus.mailer.username", "juryroom");
        good.put("quarkus.mailer.password", "mail-secret");
        good.put("quarkus.mailer.start-tls", "REQUIRED");
        withProperties(good, () -> assertThat(Preflight.checkProduction()).startsWith("PostgreSQL at"));
    }

    /** An SMTP server that is down is a warning, not a refusal: the outbox keeps the mails. */
    @Test
    void warnsWhenSmtpIsDown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> config = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
        config.put("quarkus.mailer.port", Integer.toString(closedPort));
        withProperties(config, () -> assertThat(Preflight.mailWarning())
                .startsWith("SMTP server at 127.0.0.1:" + closedPort + " is not reachable now")
                .endsWith("mails wait in the outbox until it is"));
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0)) {
            config.put("quarkus.mailer.port", Integer.toString(listening.getLocalPort()));
            withProperties(config, () -> assertThat(Preflight.mailWarning()).isNull());
        }
    }

    @Test
    void refusesASessionKeyTooShortToBeSecret() {
        Map<String, String> all = new HashMap<>();
        REQUIRED.values().forEach(name -> all.put(name, "x"));
        all.put("quarkus.http.auth.session.encryption-key", "short-key");
        withProperties(all, () -> assertThat(Preflight.checkProduction())
                .startsWith("JURYROOM_SESSION_KEY is too short").doesNotContain("short-key"));
    }

    /**
     * quarkus-minio takes the object store's scheme from QUARKUS_MINIO_SECURE alone: a host whose written scheme
     * says otherwise is refused in one line (it was checked over HTTPS, then spoken to in plain HTTP), and
     * QUARKUS_MINIO_SECURE is read as Quarkus reads it.
     */
    @Test
    void refusesAnObjectStoreHostWhoseSchemeContradictsSecure() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("https://s3.example.org|", "QUARKUS_MINIO_HOST is https://s3.example.org but QUARKUS_MINIO_SECURE is"
                + " not true: the object store's client takes its scheme from QUARKUS_MINIO_SECURE alone and would speak"
                + " plain HTTP to it; set QUARKUS_MINIO_SECURE=true, or write the host without https://");
        cases.put("https://s3.example.org|false", "QUARKUS_MINIO_HOST is https://s3.example.org but QUARKUS_MINIO_SECURE");
        cases.put("http://minio.internal|on", "QUARKUS_MINIO_HOST is http://minio.internal but QUARKUS_MINIO_SECURE is"
                + " true: the object store's client takes its scheme from QUARKUS_MINIO_SECURE alone and would speak"
                + " HTTPS to it; set QUARKUS_MINIO_SECURE=false, or write the host without http://");
        cases.put("minio.internal|treu", "QUARKUS_MINIO_SECURE must be true (HTTPS) or false (plain HTTP), not 'treu'");
        cases.put("minio.internal/bucket|", "QUARKUS_MINIO_HOST must be the object store's host name");
        cases.forEach((setting, expected) -> {
            String[] hostSecure = setting.split("\\|", -1);
            Map<String, String> config = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
            config.put("quarkus.minio.host", hostSecure[0]);
            config.remove("quarkus.minio.port");
            config.remove("quarkus.minio.secure");
            if (!hostSecure[1].isEmpty()) {
                config.put("quarkus.minio.secure", hostSecure[1]);
            }
            withProperties(config, () -> assertThat(Preflight.checkProduction()).as(setting).startsWith(expected)
                    .doesNotContain("\n"));
        });
        Map<String, String> port = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
        port.put("quarkus.minio.port", "s3");
        withProperties(port, () -> assertThat(Preflight.checkProduction())
                .isEqualTo("QUARKUS_MINIO_PORT must be a port number, e.g. 9000, not 's3'"));
        // Agreeing settings (true as Quarkus reads it: true, yes, on, 1, any case) pass on to the database check.
        for (String yes : List.of("true", "YES", "on", "1")) {
            Map<String, String> agreeing = complete("jdbc:postgresql://127.0.0.1:1/x", "juryroom", "secret");
            agreeing.put("quarkus.minio.host", "https://s3.example.org");
            agreeing.put("quarkus.minio.secure", yes);
            withProperties(agreeing, () -> assertThat(Preflight.checkProduction()).as(yes).startsWith("PostgreSQL at"));
        }
    }

    /**
     * The pre-flight check asks the object store at the address quarkus-minio's client will use (its MinioClients:
     * MinIO's reading of the host, then the port of PORT if set, and always the scheme of SECURE).
     */
    @Test
    void checksTheObjectStoreWhereItsClientWillAskIt() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("https://s3.example.org|true|", "https://s3.example.org/");
        expected.put("s3.example.org|yes|9000", "https://s3.example.org:9000/");
        expected.put("minio.internal||", "http://minio.internal/");
        expected.put("minio.internal|off|9000", "http://minio.internal:9000/");
        expected.put("http://127.0.0.1:9000|false|", "http://127.0.0.1:9000/");
        expected.put("http://127.0.0.1:9000||9001", "http://127.0.0.1:9001/");
        expected.forEach((setting, url) -> {
            String[] parts = setting.split("\\|", -1);
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.minio.host", parts[0]);
            if (!parts[1].isEmpty()) {
                config.put("quarkus.minio.secure", parts[1]);
            }
            if (!parts[2].isEmpty()) {
                config.put("quarkus.minio.port", parts[2]);
            }
            withProperties(config, () -> {
                assertThat(Preflight.checkStoreSettings()).as(setting).isNull();
                assertThat(Preflight.storeEndpoint()).as(setting).hasToString(url);
            });
        });
        // The environment variables where no system property is set; a property wins over its variable.
        Preflight.readEnvironment(Map.of("QUARKUS_MINIO_HOST", "minio.internal", "QUARKUS_MINIO_SECURE", "on",
                "QUARKUS_MINIO_PORT", "9000"));
        withProperties(Map.of(), () -> assertThat(Preflight.storeEndpoint()).hasToString("https://minio.internal:9000/"));
        withProperties(Map.of("quarkus.minio.port", "9001", "quarkus.minio.secure", "false"),
                () -> assertThat(Preflight.storeEndpoint()).hasToString("http://minio.internal:9001/"));
    }

    /**
     * The embedded profile (and dev, which inherits it) refuses, in one line naming the setting and the profile to
     * use, to start where a database, store or mail server of the installation's own is configured: it would seed
     * the demo, whose passwords are public, into that database. Not asked again once its own services run.
     */
    @Test
    void theEmbeddedProfileRefusesAConfiguredServiceOfItsOwn() {
        String marker = System.clearProperty(Preflight.EMBEDDED_STARTED);
        try {
            assertThat(Preflight.wantsEmbedded("embedded")).isTrue();
            assertThat(Preflight.wantsEmbedded("dev")).isTrue();
            assertThat(Preflight.wantsEmbedded("prod")).isFalse();
            withProperties(Map.of(), () -> assertThat(Preflight.checkEmbedded("embedded")).isNull());
            Map<String, String> external = Map.of(
                    "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL",
                    "quarkus.minio.host", "QUARKUS_MINIO_HOST",
                    "quarkus.mailer.host", "QUARKUS_MAILER_HOST");
            external.forEach((property, variable) -> withProperties(Map.of(property, "db.example.org"), () ->
                    assertThat(Preflight.checkEmbedded("embedded")).as(variable)
                            .startsWith(variable + " is set, but profile embedded starts its own PostgreSQL")
                            .contains("start the production profile").contains("unset " + variable)
                            .doesNotContain("\n").doesNotContain("db.example.org")));
            // A dev-mode restart: the embedded services' own addresses are system properties by then.
            System.setProperty(Preflight.EMBEDDED_STARTED, "true");
            withProperties(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                    () -> assertThat(Preflight.checkEmbedded("dev")).isNull());
        } finally {
            if (marker == null) {
                System.clearProperty(Preflight.EMBEDDED_STARTED);
            } else {
                System.setProperty(Preflight.EMBEDDED_STARTED, marker);
            }
        }
    }

    /** Runs {@code check} with exactly {@code values} set among Preflight's properties, then restores them. */
    private static void withProperties(Map<String, String> values, Runnable check) {
        Map<String, String> saved = new HashMap<>();
        List<String> names = new java.util.ArrayList<>(REQUIRED.values());
        names.addAll(OPTIONAL);
        for (String name : names) {
            saved.put(name, System.getProperty(name));
        }
        try {
            for (String name : names) {
                String value = values.get(name);
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            }
            check.run();
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}
