package org.juryroom.storage;

import io.agroal.api.AgroalDataSource;
import io.minio.messages.Item;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.juryroom.common.ProblemException;
import org.juryroom.ops.JuryRoomConfig;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings rows and objects back together after whatever failed: PENDING rows whose last
 * heartbeat is older than the grace period (no instance is writing them any more, see
 * {@link UploadsInFlight}) become STORED if all their objects are there with the right SHA-256
 * and their entry still takes files (the same check under the entry's lock as every upload),
 * otherwise they are removed with their objects; objects that no row names (deleted files,
 * withdrawn entries, failed uploads) and unfinished multipart uploads whose row is not alive
 * (streamed uploads cut off by a crash) are deleted once older than the grace period. One
 * instance at a time (a PostgreSQL advisory lock), in batches, so it is safe on several instances
 * and at any size. Each instance also removes its own stray temp files ({@link StrayFiles}).
 */
@ApplicationScoped
public class StorageReconciler {

    private static final Logger LOG = Logger.getLogger(StorageReconciler.class);
    /** Advisory lock key: "JURYRECO" as a number, unique to this job. */
    static final long LOCK_KEY = 0x4A5552595245434FL;
    static final String PREFIX = "entries/";

    /** The outcome of one call: {@code run} is null when another instance held the lock. */
    public record Report(boolean ran, ReconcilerRun run) {
    }

    private final ObjectStore store;
    private final FileService files;
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final JuryRoomConfig config;
    private final StrayFiles strayFiles;
    private final WriteGate.Admit entries;

    public StorageReconciler(ObjectStore store, FileService files, AgroalDataSource dataSource, EntityManager em,
                             JuryRoomConfig config, StrayFiles strayFiles, WriteGate.Admit entries) {
        this.store = store;
        this.files = files;
        this.dataSource = dataSource;
        this.em = em;
        this.config = config;
        this.strayFiles = strayFiles;
        this.entries = entries;
    }

    @Scheduled(identity = "storage-reconciler", every = "${juryroom.storage.reconcile-every:10m}",
            delayed = "${juryroom.storage.reconcile-delay:2m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Runs one reconciliation now, unless another instance is running one. */
    public Report run() {
        return run(config.storage().reconcileGrace());
    }

    /** As {@link #run()}, leaving alone PENDING rows and unnamed objects younger than {@code grace}. */
    public Report run(java.time.Duration grace) {
        strayFiles.clean(grace); // this instance's own disk: whether or not another instance reconciles
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                LOG.info("Storage reconciler: another instance is running, skipped");
                return new Report(false, null);
            }
            try {
                return new Report(true, reconcile(grace));
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            ProblemException p = ProblemException.unavailable(
                    "The database is not reachable; the reconciler did not run");
            p.initCause(e); // so the answer's mapper sees the outage (DatabaseOutage.noticed)
            throw p;
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private ReconcilerRun reconcile(java.time.Duration grace) {
        ReconcilerRun run = new ReconcilerRun();
        run.startedAt = Instant.now();
        run.instance = instanceName();
        Instant cutoff = run.startedAt.minus(grace);
        StringBuilder note = new StringBuilder();
        try {
            resolvePending(cutoff, run);
            deleteOrphans(cutoff, run);
            int unfinished = store.abortUnfinishedUploads(PREFIX, cutoff, key -> alive(key, cutoff));
            if (unfinished > 0) {
                // Counted with the orphans: stored bytes that no row will ever name.
                run.orphansDeleted += unfinished;
                LOG.infof("Storage reconciler: aborted %d unfinished multipart uploads", unfinished);
            }
        } catch (ProblemException e) {
            run.failures++;
            note.append("stopped early: ").append(e.getMessage());
        }
        run.finishedAt = Instant.now();
        run.note = note.isEmpty() ? null : note.toString();
        QuarkusTransaction.requiringNew().run(() -> run.persist());
        LOG.infof("Storage reconciler: %d PENDING marked STORED, %d PENDING removed, %d objects listed, "
                        + "%d orphans deleted, %d failures%s", run.pendingStored, run.pendingRemoved, run.objectsListed,
                run.orphansDeleted, run.failures, run.note == null ? "" : " (" + run.note + ")");
        return run;
    }

    private void resolvePending(Instant cutoff, ReconcilerRun run) {
        long afterId = 0;
        while (true) {
            long after = afterId;
            List<EntryFile> batch = QuarkusTransaction.requiringNew().call(() -> EntryFile.<EntryFile>find(
                            "status = ?1 and heartbeatAt < ?2 and id > ?3 order by id", FileStatus.PENDING, cutoff,
                            after)
                    .page(0, config.storage().reconcileBatch()).list());
            if (batch.isEmpty()) {
                return;
            }
            for (EntryFile row : batch) {
                afterId = row.id;
                try {
                    resolve(row, cutoff, run);
                } catch (ProblemException e) {
                    run.failures++;
                    LOG.warnf("Storage reconciler: PENDING file %d left for the next run: %s", row.id, e.getMessage());
                }
            }
        }
    }

    /** Each change is conditional on the row still being stale: an upload may beat again meanwhile. */
    private void resolve(EntryFile row, Instant cutoff, ReconcilerRun run) {
        if (QuarkusTransaction.requiringNew().call(() -> entries.underLegalHold(row.entryId))) {
            LOG.infof("Storage reconciler: file %d is PENDING on an entry under a safeguarding hold; left as it is",
                    row.id);
            return;
        }
        // A row without the original's SHA-256 is a streamed upload that never reached inspection.
        boolean complete = row.sha256 != null && expectedHashes(row).entrySet().stream()
                .allMatch(e -> store.rehash(e.getKey()).map(e.getValue()::equals).orElse(false));
        if (complete) {
            try {
                int marked = QuarkusTransaction.requiringNew().call(() -> {
                    entries.check(row.entryId, 0); // under the entry's lock, like every upload's last step
                    entries.checkFile(row.entryId, row.displayName, row.contentType, row.size == null ? 0 : row.size);
                    int stored = EntryFile.update("status = ?1 where id = ?2 and status = ?3 and heartbeatAt < ?4",
                            FileStatus.STORED, row.id, FileStatus.PENDING, cutoff);
                    if (stored == 1) {
                        entries.stored(row.entryId, List.of(row.id)); // as an upload's last step records it
                    }
                    return stored;
                });
                run.pendingStored += marked;
                LOG.infof("Storage reconciler: file %d had all its objects, marked STORED", row.id);
                return;
            } catch (ProblemException refused) {
                // Nothing committed: the entry no longer takes files (submitted, withdrawn, closed), so the file goes.
                LOG.infof("Storage reconciler: file %d is complete but its entry refuses it: %s", row.id,
                        refused.getMessage());
            }
        }
        // Under the entry's lock again: a concern raised since the first look keeps the file too.
        long removed = QuarkusTransaction.requiringNew().call(() -> entries.underLegalHold(row.entryId) ? 0L
                : EntryFile.delete("id = ?1 and status = ?2 and heartbeatAt < ?3", row.id, FileStatus.PENDING, cutoff));
        if (removed == 1) {
            run.pendingRemoved++;
            files.deleteObjects(row.keys());
            LOG.infof("Storage reconciler: file %d was incomplete or refused, removed it and its objects %s", row.id,
                    row.keys());
        }
    }

    static Map<String, String> expectedHashes(EntryFile row) {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(row.objectKey, row.sha256);
        expected.putIfAbsent(row.cleanKey, row.cleanSha256);
        if (row.thumbKey != null) {
            expected.put(row.thumbKey, row.thumbSha256);
        }
        expected.values().removeIf(java.util.Objects::isNull);
        return expected;
    }

    private void deleteOrphans(Instant cutoff, ReconcilerRun run) {
        String after = null;
        while (true) {
            List<Item> page = store.list(PREFIX, after, config.storage().reconcileBatch());
            if (page.isEmpty()) {
                return;
            }
            run.objectsListed += page.size();
            after = page.get(page.size() - 1).objectName();
            Set<String> named = namedKeys(page.stream().map(Item::objectName).toList());
            for (Item item : page) {
                boolean old = item.lastModified() == null || item.lastModified().toInstant().isBefore(cutoff);
                if (!named.contains(item.objectName()) && old) {
                    store.delete(item.objectName());
                    run.orphansDeleted++;
                    LOG.infof("Storage reconciler: deleted orphan object %s", item.objectName());
                }
            }
        }
    }

    /** Whether a PENDING row whose upload beat since {@code cutoff} names {@code key} (its multipart upload is alive). */
    private boolean alive(String key, Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> EntryFile.count(
                "objectKey = ?1 and status = ?2 and heartbeatAt >= ?3", key, FileStatus.PENDING, cutoff) > 0);
    }

    /** Which of {@code keys} some row names, as original, clean copy or thumbnail. */
    @SuppressWarnings("unchecked")
    private Set<String> namedKeys(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<String>(em.createNativeQuery(
                        "select object_key from entry_file where object_key in (:k)"
                                + " union select clean_key from entry_file where clean_key in (:k)"
                                + " union select thumb_key from entry_file where thumb_key in (:k)")
                .setParameter("k", keys).getResultList()));
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (Exception e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    /** Counts for the admin view. */
    public Map<String, Object> counts() {
        return QuarkusTransaction.requiringNew().call(() -> Map.of(
                "pendingFiles", EntryFile.count("status", FileStatus.PENDING),
                "storedFiles", EntryFile.count("status", FileStatus.STORED),
                "awaitingReview", EntryFile.count("status = ?1 and review = ?2", FileStatus.STORED,
                        EntryFile.Review.REQUIRED)));
    }

    public List<ReconcilerRun> lastRuns(int n) {
        return QuarkusTransaction.requiringNew().call(() -> ReconcilerRun.latest(n));
    }
}
