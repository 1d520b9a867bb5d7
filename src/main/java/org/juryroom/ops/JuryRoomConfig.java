package org.juryroom.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** JuryRoom's own settings (prefix {@code juryroom}); Quarkus' own keys configure the stack. */
@ConfigMapping(prefix = "juryroom")
public interface JuryRoomConfig {

    /** The bucket holding every entry file. */
    String bucket();

    /** Password for the first organiser account, used once when no organiser exists (production). */
    Optional<String> organiserPassword();

    /** Embedded mode keeps PostgreSQL's data and the objects here (env JURYROOM_DATA_DIR). */
    @WithDefault("data")
    String dataDir();

    Demo demo();

    SignIn signIn();

    Web web();

    /** The web pages. */
    interface Web {
        /** Deadlines and times are shown in this zone (the competition's, not the server's). */
        @WithDefault("Asia/Kolkata")
        java.time.ZoneId timeZone();
    }

    /** Throttling of failed sign-ins (page and API), per username + client address. */
    interface SignIn {
        /** Failures allowed in the window; the next attempts fail like a wrong password. */
        @WithDefault("10")
        int maxFailures();

        @WithDefault("15M")
        java.time.Duration window();
    }

    interface Demo {
        /** Seed the "Stay Safe Online" demo competition once (embedded and dev profiles). */
        @WithDefault("false")
        boolean seed();

        /** Where the demo's sample files are read from. */
        @WithDefault("uploads-sample")
        String samplesDir();
    }
}
