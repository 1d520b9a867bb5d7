package org.juryroom.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    Start start();

    /** The start (docs/operations.md, "Start-up time"). */
    interface Start {
        /**
         * Run the start-up steps (schema migration when Quarkus does not, the bucket, the first organiser, the
         * seal migration, the consent notice) beside the rest of the start, readiness DOWN until they are done
         * (ops/StartSteps); else each where it is asked, in the boot (embedded mode's demo seed needs them).
         */
        @WithDefault("false")
        boolean background();
    }

    SignIn signIn();

    Web web();

    /** The web pages. */
    interface Web {
        /** Deadlines and times are shown in this zone (the competition's, not the server's). */
        @WithDefault("Asia/Kolkata")
        java.time.ZoneId timeZone();

        /**
         * Who publishes the shortlist, shown on the public pages (env JURYROOM_WEB_COMMISSION_NAME): the default
         * while an organiser has set none on the settings page (settings/CommissionSettings).
         */
        Optional<String> commissionName();

        /**
         * A PNG, JPEG or WebP file of the commission's logo for the public pages (env JURYROOM_WEB_COMMISSION_LOGO):
         * the default while an organiser has set none on the settings page; read once.
         */
        Optional<java.nio.file.Path> commissionLogo();
    }

    /** Throttling of failed sign-ins (page and API), per username + client address. */
    interface SignIn {
        /** Failures allowed in the window; the next attempts fail like a wrong password. */
        @WithDefault("10")
        int maxFailures();

        @WithDefault("15M")
        java.time.Duration window();
    }

    Safeguarding safeguarding();

    interface Safeguarding {
        /** A new concern must be triaged within this time (docs/safeguarding.md). */
        @WithDefault("PT24H")
        Duration triageWithin();
    }

    Storage storage();

    Quota quota();

    Retention retention();

    Changes changes();

    /** The change tables the in-memory caches check (common/ChangeSnapshots, docs/performance.md). */
    interface Changes {
        /** How often rows every snapshot has seen are purged (common/ChangePurge; "off" disables it). */
        @WithDefault("1h")
        String purgeEvery();
    }

    /** Erasure of the children's personal data after the competition's retention date (docs/privacy.md). */
    interface Retention {
        /** How often the retention job runs on each instance ("off" disables it); one instance at a time runs it. */
        @WithDefault("1h")
        String every();

        /** How long after start-up its first run waits. */
        @WithDefault("5m")
        String delay();

        /**
         * Keep what the public page shows of the published shortlist's entries whose publishWork consent
         * stands (the clean copies, the title, the names whose publishName stands); the rest is erased.
         */
        @WithDefault("true")
        boolean keepPublishedWork();
    }

    interface Storage {
        /** Images whose header announces more pixels are refused before anything is decoded. */
        @WithDefault("40000000")
        long maxImagePixels();

        /** Longest side of thumbnails, in pixels. */
        @WithDefault("400")
        int thumbnailSize();

        /**
         * Bytes one image may decode to where its decoder holds it whole (a WebP; an image in a PDF stored
         * without an image codec): larger ones are refused, not tried, so that the heap holds
         * (src/main/jvm/juryroom.jvm). 48 MiB suits -Xmx128m; raise it with the heap (docs/operations.md).
         */
        @WithDefault("50331648")
        long decodeBudget();

        /**
         * Part size of the multipart upload that carries a streamed upload into the store while it
         * arrives (at least 5M, the S3 minimum). Parts are read from the upload's temp file, not
         * held in memory; a smaller part means less waiting after the last byte arrives.
         */
        @WithDefault("16M")
        io.quarkus.runtime.configuration.MemorySize partSize();

        /** Where uploads, clean copies and thumbnails are kept on disk before they are stored. */
        @WithDefault("${java.io.tmpdir}/juryroom-work")
        String workDir();

        /** How often the reconciler runs on each instance ("off" disables it, e.g. in tests). */
        @WithDefault("10m")
        String reconcileEvery();

        /** How long after start-up the first reconciler run waits. */
        @WithDefault("2m")
        String reconcileDelay();

        /**
         * How often the PENDING rows of uploads in flight are marked alive (their heartbeat), so no
         * instance's reconciler removes an upload that is still arriving. Keep it well below the grace.
         */
        @WithDefault("30s")
        String heartbeatEvery();

        /**
         * A PENDING row (judged by its last heartbeat), an object without a row, an unfinished
         * multipart upload or a temp file younger than this is left alone by the reconciler.
         */
        @WithDefault("PT1H")
        Duration reconcileGrace();

        /** Rows or listed objects the reconciler handles per database round trip. */
        @WithDefault("500")
        int reconcileBatch();
    }

    interface Quota {
        /** Total bytes of one school's originals in one competition, unless the competition sets its own. */
        @WithDefault("2147483648")
        long schoolBytes();
    }

    interface Demo {
        /** Seed the "Stay Safe Online" demo competition once (embedded and dev profiles). */
        @WithDefault("false")
        boolean seed();

        /**
         * A folder to read the demo's sample files from instead of the copy the embedded build
         * carries on its class path (falling back to ./uploads-sample when there is none).
         */
        Optional<String> samplesDir();
    }

    /** Where people reach this installation (env JURYROOM_PUBLIC_URL): links in mails start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Mail mail();

    /** The outbox sender (docs/operations.md, "Mail"). */
    interface Mail {
        /** How often each instance looks for due messages ("off" disables it, e.g. in tests). */
        @WithDefault("10s")
        String sendEvery();

        /** How often deadline reminders are looked for (mail/DeadlineReminders; "off" in tests). */
        @WithDefault("15m")
        String remindEvery();

        /** How often stored reset requests become mails (access/PasswordResets; "off" in tests). */
        @WithDefault("5s")
        String resetsEvery();

        /** Messages one run sends at most; the rest wait for the next run. */
        @WithDefault("100")
        int batch();

        /** Attempts before a message has failed for good. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failed attempt; it doubles with every further one. */
        @WithDefault("PT1M")
        Duration retryAfter();

        /** The longest wait between two attempts. */
        @WithDefault("PT2H")
        Duration retryAtMost();
    }
}
