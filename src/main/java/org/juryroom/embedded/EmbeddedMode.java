package org.juryroom.embedded;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the zero-setup mode, called by the main class before Quarkus boots.
 * The started services are remembered in system properties, which outlive the class loaders
 * that dev mode throws away on every hot reload, so a reload reuses them instead of starting
 * a second PostgreSQL on the same data directory.
 */
public final class EmbeddedMode {

    private static final Logger LOG = Logger.getLogger(EmbeddedMode.class);
    private static final String STARTED_MARKER = org.juryroom.ops.Preflight.EMBEDDED_STARTED;

    private EmbeddedMode() {
    }

    public static void start() {
        if (System.getProperty(STARTED_MARKER) != null) {
            return;
        }
        long began = System.nanoTime();
        Path dataDir = Path.of(dataDirSetting()).toAbsolutePath().normalize();
        EmbeddedServices services = EmbeddedServices.start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "embedded-services-stop"));
        Map<String, String> config = services.quarkusConfig();
        config.forEach(System::setProperty);
        SessionKey.provide(dataDir);
        System.setProperty(org.juryroom.ops.StartupTasks.EMBEDDED_DATA_DIR, dataDir.toString());
        System.setProperty(STARTED_MARKER, "true");
        LOG.infof("Embedded mode: PostgreSQL on 127.0.0.1:%d, S3 server on 127.0.0.1:%d, SMTP server on 127.0.0.1:%d"
                        + " (organisers read its mail in the outbox), data in %s (%d ms)", services.postgresPort(),
                services.s3Port(), services.smtpPort(), dataDir, (System.nanoTime() - began) / 1_000_000);
    }

    private static String dataDirSetting() {
        String fromProperty = System.getProperty("juryroom.data-dir");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("JURYROOM_DATA_DIR");
        return fromEnv == null || fromEnv.isBlank() ? "data" : fromEnv;
    }
}
