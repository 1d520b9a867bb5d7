package org.juryroom.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The uploads this JVM is handling now. Their PENDING rows get a heartbeat every
 * {@code juryroom.storage.heartbeat-every}, so every instance's {@link StorageReconciler} sees
 * them alive however long they take (it judges a PENDING row by its last heartbeat); their temp
 * files are left alone by {@link StrayFiles}. A crashed JVM stops beating, so its uploads become
 * stale after the grace period and are cleaned up.
 */
@ApplicationScoped
public class UploadsInFlight {

    private static final Logger LOG = Logger.getLogger(UploadsInFlight.class);

    private final Set<Long> rows = ConcurrentHashMap.newKeySet();
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private final EntityManager em;

    public UploadsInFlight(EntityManager em) {
        this.em = em;
    }

    /** One upload's rows and temp files, kept alive until it is closed. */
    public final class Flight implements AutoCloseable {
        private final List<Long> ownRows = new ArrayList<>();
        private final List<Path> ownFiles = new ArrayList<>();

        public Flight rows(Collection<Long> ids) {
            ownRows.addAll(ids);
            rows.addAll(ids);
            return this;
        }

        public Flight files(Collection<Path> paths) {
            for (Path p : paths) {
                Path absolute = p.toAbsolutePath().normalize();
                ownFiles.add(absolute);
                files.add(absolute);
            }
            return this;
        }

        @Override
        public void close() {
            ownRows.forEach(rows::remove);
            ownFiles.forEach(files::remove);
        }
    }

    public Flight begin() {
        return new Flight();
    }

    /** Whether {@code file} belongs to an upload in flight in this JVM. */
    public boolean holds(Path file) {
        return files.contains(file.toAbsolutePath().normalize());
    }

    @Scheduled(identity = "upload-heartbeat", every = "${juryroom.storage.heartbeat-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            beat();
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the heartbeat of %d uploads in flight: %s", rows.size(), e.getMessage());
        }
    }

    /** Marks the PENDING rows of the uploads in flight alive now, in one short transaction; returns how many. */
    public int beat() {
        List<Long> ids = List.copyOf(rows);
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update entry_file set heartbeat_at = :now where id in (:ids) and status = 'PENDING'")
                .setParameter("now", now).setParameter("ids", ids).executeUpdate());
    }
}
