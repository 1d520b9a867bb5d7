package org.juryroom.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.juryroom.access.AppUser;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.demo.DemoSeed;
import org.juryroom.storage.ObjectStore;

import java.util.List;

/**
 * Creates the bucket and the first organiser (refusing to run without an organiser password) and
 * prepares the sign-in decoy, as start steps ({@link StartSteps}), and prints the start banner once
 * every step is done.
 */
@Singleton
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);
    private static final String PASSWORD_PROPERTY = "juryroom.organiser-password";
    /** Set by the embedded mode (org.juryroom.embedded.EmbeddedMode): the absolute data directory. */
    public static final String EMBEDDED_DATA_DIR = "juryroom-embedded.data-dir";

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent event,
                 ObjectStore store, JuryRoomConfig config, StartSteps steps) {
        steps.runWithoutSchema("bucket", store::ensureBucket);
        steps.run("organiser account", () -> createOrganiser(config));
    }

    private static void createOrganiser(JuryRoomConfig config) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.organiserExists()) {
                return;
            }
            String password = config.organiserPassword().filter(p -> !p.isBlank()).orElseThrow(() ->
                    new IllegalStateException("JuryRoom cannot start: no organiser account exists and "
                            + "JURYROOM_ORGANISER_PASSWORD is not set (it creates the 'organiser' account once)"));
            Credentials.create("organiser", password, Roles.ORGANISER, null, null);
            var value = org.eclipse.microprofile.config.ConfigProvider.getConfig().getConfigValue(PASSWORD_PROPERTY);
            String profile = value instanceof io.smallrye.config.ConfigValue v ? v.getProfile() : null;
            LOG.infof("Created the organiser account 'organiser' with the password from %s", StartBanner.passwordSource(
                    "JURYROOM_ORGANISER_PASSWORD", PASSWORD_PROPERTY, value.getSourceName(), profile));
        });
    }

    // Last of the start-up observers: after the demo seed, so the banner is the final word.
    void announce(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
                  StartupEvent event, JuryRoomConfig config, ObjectStore store, StartSteps steps) {
        steps.whenReady(() -> banner(config, store));
    }

    private static void banner(JuryRoomConfig config, ObjectStore store) {
        var settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String host = settings.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        int port = settings.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        String dataDir = System.getProperty(EMBEDDED_DATA_DIR);
        String data = dataDir != null
                ? dataDir + " (PostgreSQL in postgres/, files in objects/; delete the directory to start afresh)"
                : "PostgreSQL at " + settings.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("?")
                + ", files in bucket '" + store.bucket() + "'";
        List<String> accounts = config.demo().seed() ? DemoSeed.ACCOUNTS : List.of();
        LOG.info(StartBanner.text(dataDir != null ? StartBanner.url(host, port) : config.publicUrl(), accounts, data));
    }

}
