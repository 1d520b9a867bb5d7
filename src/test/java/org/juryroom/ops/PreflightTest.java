package org.juryroom.ops;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The production start-up check, without Quarkus: settings come from system properties here. */
class PreflightTest {

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
    }

    /** Optional settings Preflight also reads; cleared so the machine's own values cannot leak in. */
    private static final List<String> OPTIONAL = List.of("quarkus.minio.secure", "quarkus.minio.port");

    @Test
    void namesEveryMissingSetting() {
        assumeNoneInEnvironment();
        withProperties(Map.of(), () -> {
            String problem = Preflight.checkProduction();
            assertThat(problem).startsWith("missing configuration");
            REQUIRED.keySet().forEach(name -> assertThat(problem).contains(name));
        });
    }

    @Test
    void namesOnlyTheSettingsStillMissing() {
        assumeNoneInEnvironment();
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
        Map<String, String> all = new HashMap<>();
        all.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/x");
        all.put("quarkus.datasource.username", "juryroom");
        all.put("quarkus.datasource.password", "secret");
        all.put("quarkus.minio.host", "127.0.0.1");
        all.put("quarkus.minio.port", "1");
        all.put("quarkus.minio.secure", "false");
        all.put("quarkus.minio.access-key", "access");
        all.put("quarkus.minio.secret-key", "secret-key");
        all.put("juryroom.bucket", "juryroom");
        all.put("quarkus.http.auth.session.encryption-key", "a-session-key-of-more-than-32-characters");
        withProperties(all, () -> {
            String problem = Preflight.checkProduction();
            assertThat(problem).isNotNull()
                    .startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:1/x is not reachable")
                    .doesNotContain("missing configuration")
                    .doesNotContain("secret");
        });
    }

    @Test
    void refusesASessionKeyTooShortToBeSecret() {
        assumeNoneInEnvironment();
        Map<String, String> all = new HashMap<>();
        REQUIRED.values().forEach(name -> all.put(name, "x"));
        all.put("quarkus.http.auth.session.encryption-key", "short-key");
        withProperties(all, () -> assertThat(Preflight.checkProduction())
                .startsWith("JURYROOM_SESSION_KEY is too short").doesNotContain("short-key"));
    }

    private static void assumeNoneInEnvironment() {
        REQUIRED.keySet().forEach(name -> assumeTrue(System.getenv(name) == null,
                name + " is set in this environment; Preflight would read it"));
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
