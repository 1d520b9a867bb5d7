package org.juryroom;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.juryroom.ops.Preflight;

/**
 * Decides, before Quarkus reads its configuration, which stack the app runs on: the embedded
 * one (dev and {@code embedded} profiles with no database configured) or the external one
 * (production), which must be fully configured and reachable or the app refuses to start.
 */
@QuarkusMain
public class JuryRoomMain {

    public static void main(String... args) {
        String profile = activeProfile();
        if (Preflight.wantsEmbedded(profile)) {
            startEmbedded();
        } else if (Preflight.isProduction(profile)) {
            String problem = Preflight.checkProduction();
            if (problem != null) {
                System.err.println("JuryRoom cannot start: " + problem);
                System.exit(2);
            }
            String mail = Preflight.mailWarning();
            if (mail != null) {
                System.err.println("JuryRoom warning: " + mail);
            }
        }
        Quarkus.run(args);
    }

    private static String activeProfile() {
        String profile = System.getProperty("quarkus.profile");
        if (profile == null || profile.isBlank()) {
            profile = System.getenv("QUARKUS_PROFILE");
        }
        if (profile == null || profile.isBlank()) {
            profile = LaunchMode.current().getDefaultProfile();
        }
        return profile;
    }

    // Loaded by name so that the production path never loads the embedded classes.
    private static void startEmbedded() {
        try {
            Class.forName("org.juryroom.embedded.EmbeddedMode").getMethod("start").invoke(null);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("JuryRoom cannot start the embedded services: " + cause.getMessage());
            cause.printStackTrace();
            System.exit(2);
        }
    }
}
