package org.juryroom.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.juryroom.embedded.EmbeddedServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real PostgreSQL and a real S3 protocol server for the whole test run (no Docker),
 * in a throw-away directory. Fault tests stop and restart the S3 server through {@link #services()},
 * and take PostgreSQL away and back through {@link #database()} (the app reaches it through a
 * proxy; tests' own connections from {@code services().jdbcUrl()} go straight to it).
 */
@QuarkusTestResource(value = RealStack.class, restrictToAnnotatedClass = false)
public class RealStack implements QuarkusTestResourceLifecycleManager {

    public static final String ORGANISER_PASSWORD = "organiser-test-password";

    private static EmbeddedServices services;
    private static TcpProxy database;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("juryroom-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        services = EmbeddedServices.start(dir);
        database = new TcpProxy(services.postgresPort());
        database.start();
        Map<String, String> config = new HashMap<>(services.quarkusConfig());
        config.put("quarkus.datasource.jdbc.url", services.jdbcUrl()
                .replace(":" + services.postgresPort() + "/", ":" + database.port() + "/"));
        config.put("juryroom.organiser-password", ORGANISER_PASSWORD);
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.stop();
        }
        if (services != null) {
            services.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    public static EmbeddedServices services() {
        return services;
    }

    /** PostgreSQL as the app reaches it: stop() is an outage for the app, start() ends it. */
    public static TcpProxy database() {
        return database;
    }
}
