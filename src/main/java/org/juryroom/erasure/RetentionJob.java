package org.juryroom.erasure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.juryroom.common.FailureTypes;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.entry.Entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Erases what is due (docs/privacy.md): every entry of every competition past its retention date
 * ({@link Competition#personalDataDueAt()}), every entry whose judging consent was withdrawn, and
 * every erasure left under way (the store failed); except entries under a safeguarding hold, and
 * the published work the retention may keep ({@link ErasureService}). One instance at a time
 * (a PostgreSQL advisory lock); each entry in its own transaction, so one failure stops nothing.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Advisory lock key: "JURYRETN" as a number, unique to this job. */
    static final long LOCK_KEY = 0x4A5552595245544EL;

    /** What one run did, by entry id; {@code ran} is false when another instance held the lock. */
    public record Report(boolean ran, List<Long> erased, List<Long> keptPublished, List<Long> held,
                         List<Long> failed) {
    }

    private final ErasureService erasure;
    private final AgroalDataSource dataSource;

    public RetentionJob(ErasureService erasure, AgroalDataSource dataSource) {
        this.erasure = erasure;
        this.dataSource = dataSource;
    }

    @Scheduled(identity = "retention", every = "${juryroom.retention.every:1h}",
            delayed = "${juryroom.retention.delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public Report run() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                LOG.info("Retention job: another instance is running, skipped");
                return new Report(false, List.of(), List.of(), List.of(), List.of());
            }
            try {
                return erase();
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            ProblemException p = ProblemException.unavailable(
                    "The database is not reachable; the retention job did not run");
            p.initCause(e); // for the log: what failed
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

    private Report erase() {
        Due due = QuarkusTransaction.requiringNew().call(RetentionJob::due);
        List<Long> erased = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<Long> failed = new ArrayList<>(due.unreadable());
        due.entries().forEach((entryId, reason) -> {
            try {
                ErasureService.Erasure done = erasure.retain(entryId, reason);
                (done.publishedWorkKept() ? kept : done.erasedAt() != null ? erased : failed).add(entryId);
            } catch (ProblemException refused) {
                (refused.status() == 409 ? held : failed).add(entryId);
                if (refused.status() != 409) {
                    LOG.warnf("Retention job: entry %d left for the next run: %s", entryId, refused.getMessage());
                }
            } catch (RuntimeException unexpected) {
                // Any other failure leaves this entry for the next run, not every entry after it. Only the
                // exceptions' types are logged: a database's message may quote the row, children's names included.
                failed.add(entryId);
                LOG.errorf("Retention job: entry %d left for the next run after an unexpected failure: %s", entryId,
                        FailureTypes.of(unexpected));
            }
        });
        if (!due.entries().isEmpty() || !failed.isEmpty()) {
            LOG.infof("Retention job: %d erased, %d published works kept, %d under a safeguarding hold, %d left"
                    + " for the next run", erased.size(), kept.size(), held.size(), failed.size());
        }
        return new Report(true, erased, kept, held, failed);
    }

    /** What is due, and why; {@code unreadable}: entries whose state named no reason (left for the next run). */
    private record Due(Map<Long, ErasureService.Reason> entries, List<Long> unreadable) {
    }

    /**
     * Entries not yet erased that are due, and why; held ones too (the erasure refuses them, counted as held).
     * Built row by row: one row the job cannot read is logged and left, never the whole run.
     */
    private static Due due() {
        Map<Long, ErasureService.Reason> due = new LinkedHashMap<>();
        List<Long> unreadable = new ArrayList<>();
        Instant now = Instant.now();
        for (Entry e : Entry.<Entry>find("from Entry e where e.personalDataErasedAt is null and ((e.erasureReason"
                + " is not null and e.erasureReason <> ?1) or exists (select 1 from GuardianConsent g where"
                + " g.entryId = e.id and g.judgingWithdrawnAt is not null)) order by e.id",
                ErasureService.KEPT_PUBLISHED).<Entry>list()) {
            try {
                due.put(e.id, pending(e));
            } catch (RuntimeException unreadableRow) {
                unreadable.add(e.id);
                LOG.errorf("Retention job: entry %d left for the next run, its erasure state could not be read: %s",
                        e.id, FailureTypes.of(unreadableRow));
            }
        }
        for (Competition c : Competition.<Competition>find("retainPersonalDataUntil is not null"
                + " or firstPublishedAt is not null").<Competition>list()) {
            if (c.personalDataDueAt().map(at -> !at.isAfter(now)).orElse(false)) {
                Entry.<Entry>find("competition.id = ?1 and personalDataErasedAt is null order by id", c.id)
                        .<Entry>list().stream().filter(e -> !unreadable.contains(e.id))
                        .forEach(e -> due.putIfAbsent(e.id, ErasureService.Reason.RETENTION));
            }
        }
        return new Due(due, unreadable);
    }

    /**
     * An erasure under way keeps its reason; otherwise a judging consent was withdrawn: also of published
     * work the retention kept, which the withdrawal (held when it came) makes due in full.
     */
    private static ErasureService.Reason pending(Entry e) {
        return e.erasureReason == null || ErasureService.KEPT_PUBLISHED.equals(e.erasureReason)
                ? ErasureService.Reason.CONSENT_WITHDRAWN : ErasureService.Reason.valueOf(e.erasureReason);
    }
}
