package org.juryroom;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.juryroom.ops.Preflight;

/**
 * Decides, before Quarkus reads its configuration, which stack the app runs on: the embedded
 * one (dev and {@code embedded} profiles, which refuse to start when a database, store or mail
 * server of the installation's own is configured) or the external one (production), which must be
 * fully configured and reachable or the app refuses to start.
 */
@QuarkusMain
public class JuryRoomMain {

    public static void main(String... args) {
        String profile = activeProfile();
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            // The AppCDS training run of the build (quarkus.package.jar.appcds): no services to start or check,
            // whatever profile the builder's shell names.
        } else if (Preflight.wantsEmbedded(profile)) {
            String problem = Preflight.checkEmbedded(profile);
            if (problem != null) {
                refuse(problem);
            }
            startEmbedded();
        } else if (Preflight.isProduction(profile)) {
            String problem = Preflight.checkSettings();
            if (problem != null) {
                refuse(problem);
            }
            // The services are asked beside the boot; nothing is migrated before they answered (ops/StartSteps).
            Preflight.checkServicesInBackground().thenAccept(refusal -> {
                if (refusal != null) {
                    refuse(refusal);
                }
                String mail = Preflight.mailWarning();
                if (mail != null) {
                    System.err.println("JuryRoom warning: " + mail);
                }
            });
        }
        Quarkus.run(args);
    }

    private static void refuse(String problem) {
        System.err.println("JuryRoom cannot start: " + problem);
        System.exit(2);
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

    /** A class of each service the embedded mode starts; the production build leaves them out (pom.xml). */
    static final String[] EMBEDDED_LIBRARIES = {"io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
            "org.gaul.s3proxy.S3Proxy", "com.icegreen.greenmail.util.GreenMail"};

    // Loaded by name so that the production path never loads the embedded classes.
    private static void startEmbedded() {
        String missing = missingEmbeddedLibrary(JuryRoomMain.class.getClassLoader());
        if (missing != null) {
            System.err.println("JuryRoom cannot start: embedded mode was asked for (profile dev or embedded)"
                    + " but this build of the app does not include the embedded services ("
                    + missing + " is missing). Build and start it with ./mvnw -Pembedded, or configure PostgreSQL,"
                    + " S3 and SMTP and start the production profile (see README, 'Production set-up').");
            System.exit(2);
        }
        try {
            Class.forName("org.juryroom.embedded.EmbeddedMode").getMethod("start").invoke(null);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("JuryRoom cannot start the embedded services: " + cause.getMessage());
            cause.printStackTrace();
            System.exit(2);
        }
    }

    /** The first embedded service library {@code loader} cannot find, or null when all are there. */
    static String missingEmbeddedLibrary(ClassLoader loader) {
        for (String name : EMBEDDED_LIBRARIES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return name;
            }
        }
        return null;
    }
}
