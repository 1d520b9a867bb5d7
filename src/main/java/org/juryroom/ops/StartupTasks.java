package org.juryroom.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.juryroom.access.AppUser;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.storage.ObjectStore;

/** Creates the bucket and the first organiser; refuses to run without an organiser password. */
@Singleton
public class StartupTasks {

    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent event, ObjectStore store, JuryRoomConfig config) throws Exception {
        store.ensureBucket();
        QuarkusTransaction.requiringNew().run(() -> {
            if (AppUser.organiserExists()) {
                return;
            }
            String password = config.organiserPassword().filter(p -> !p.isBlank()).orElseThrow(() ->
                    new IllegalStateException("JuryRoom cannot start: no organiser account exists and "
                            + "JURYROOM_ORGANISER_PASSWORD is not set (it creates the 'organiser' account once)"));
            Credentials.create("organiser", password, Roles.ORGANISER, null, null);
            LOG.info("Created the organiser account 'organiser' from JURYROOM_ORGANISER_PASSWORD");
        });
    }

}
