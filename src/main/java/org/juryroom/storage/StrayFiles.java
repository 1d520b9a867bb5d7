package org.juryroom.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.juryroom.ops.JuryRoomConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Removes the temp files that uploads cut off by a crash leave on this instance's disk: in the
 * HTTP layer's uploads directory (multipart bodies) and in the storage work directory (spools,
 * clean copies, thumbnails). A file goes once it is unchanged for longer than the grace period
 * and no upload in flight in this JVM holds it ({@link UploadsInFlight}); at start-up and with
 * every reconciler run.
 */
@ApplicationScoped
public class StrayFiles {

    private static final Logger LOG = Logger.getLogger(StrayFiles.class);

    private final List<Path> dirs;
    private final UploadsInFlight inFlight;
    private final Duration grace;

    public StrayFiles(@ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDir,
                      JuryRoomConfig config, UploadsInFlight inFlight) {
        this.dirs = List.of(Path.of(uploadsDir), Path.of(config.storage().workDir()));
        this.inFlight = inFlight;
        this.grace = config.storage().reconcileGrace();
    }

    void onStart(@Observes StartupEvent event) {
        clean(grace);
    }

    /** Removes this instance's stray temp files unchanged for longer than {@code grace}; returns how many. */
    public int clean(Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        for (Path dir : dirs) {
            removed += clean(dir, cutoff, inFlight::holds);
        }
        if (removed > 0) {
            LOG.infof("Removed %d temp files of uploads that did not finish", removed);
        }
        return removed;
    }

    /** Removes the files under {@code dir} last modified before {@code cutoff} that are not {@code held}. */
    static int clean(Path dir, Instant cutoff, Predicate<Path> held) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (stray(f, cutoff, held) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warnf("Could not clean up temp files in %s: %s", dir, e.getMessage());
        }
        return removed;
    }

    private static boolean stray(Path f, Instant cutoff, Predicate<Path> held) throws IOException {
        try {
            return !held.test(f) && Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException gone) {
            return false; // its upload finished meanwhile
        }
    }
}
