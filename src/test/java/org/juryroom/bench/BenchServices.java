package org.juryroom.bench;

import org.juryroom.embedded.EmbeddedServices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL, S3 and SMTP of the embedded mode in a JVM of their own, so that the production package
 * (which does not carry them) can run against them: ApiBenchmark's production mode and src/bench/start.sh.
 * PostgreSQL runs with the documented settings of a district installation (docs/postgresql-district.conf;
 * {@code -Dbench.pg-settings=FILE} names another, {@code none} none). Prints one line with the ports,
 * then runs until killed. {@code java -cp ... org.juryroom.bench.BenchServices DATA_DIR}
 */
public final class BenchServices {

    /** The line printed once the services are up; {@link ApiBenchmark} reads the ports from it. */
    static final String READY = "Bench services: PostgreSQL %d S3 %d SMTP %d";

    static final String DOCUMENTED_SETTINGS = "docs/postgresql-district.conf";

    private BenchServices() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        String file = System.getProperty("bench.pg-settings", DOCUMENTED_SETTINGS);
        Map<String, String> settings = file.equals("none") ? Map.of() : settings(Files.readString(Path.of(file)));
        EmbeddedServices services = EmbeddedServices.start(Path.of(args.length > 0 ? args[0] : "data"), settings);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "bench-services-stop"));
        System.out.printf(READY + " (PostgreSQL settings: %s %s)%n", services.postgresPort(), services.s3Port(),
                services.smtpPort(), file, settings);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /**
     * The production app's environment (README, "Configuration") against these services, given their
     * {@code ports} (PostgreSQL, S3, SMTP) and the app's own port.
     */
    static void productionEnvironment(Map<String, String> env, int[] ports, int appPort, String sessionKey) {
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + ports[0] + "/postgres");
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_MINIO_HOST", "http://127.0.0.1");
        env.put("QUARKUS_MINIO_PORT", Integer.toString(ports[1]));
        env.put("QUARKUS_MINIO_ACCESS_KEY", EmbeddedServices.ACCESS_KEY);
        env.put("QUARKUS_MINIO_SECRET_KEY", EmbeddedServices.SECRET_KEY);
        env.put("JURYROOM_BUCKET", "juryroom");
        env.put("JURYROOM_SESSION_KEY", sessionKey);
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(ports[2]));
        env.put("QUARKUS_MAILER_FROM", "JuryRoom <juryroom@example.org>");
        env.put("JURYROOM_PUBLIC_URL", "http://127.0.0.1:" + appPort);
        env.put("JURYROOM_ORGANISER_PASSWORD", "organiser");
    }

    /** The {@code name = value} lines of a postgresql.conf excerpt; comments and blank lines skipped. */
    static Map<String, String> settings(String conf) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : conf.lines().toList()) {
            String content = line.replaceFirst("#.*", "").strip();
            if (content.isEmpty()) {
                continue;
            }
            int eq = content.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not a 'name = value' line: " + line);
            }
            settings.put(content.substring(0, eq).strip(), content.substring(eq + 1).strip().replaceAll("^'|'$", ""));
        }
        return settings;
    }
}
