package org.juryroom.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Empties the change tables ({@link ChangeSnapshots}) of rows every running snapshot has seen, so they
 * do not grow for ever. Deleting such a row alone could make a copy look current that was computed from
 * a snapshot taken before that row's transaction committed (the copy never saw it, and now no row says
 * so). So a competition's old rows are replaced by one row of the purging transaction itself: it is the
 * "purged up to" horizon. Any snapshot taken before the purge committed does not see it (and its xid is
 * at or above that snapshot's xmin), so every copy older than the purge is recomputed once; a snapshot
 * taken after it saw every purged row already. A competition with a single old row is left alone (nothing
 * to gain), so a quiet competition's copies stay current across purges. Safe on several instances at once.
 */
@ApplicationScoped
public class ChangePurge {

    /** The change tables of the migrations (V34), never input. */
    static final List<String> TABLES = List.of("ranking_change", "public_change");

    private final EntityManager em;

    public ChangePurge(EntityManager em) {
        this.em = em;
    }

    @Scheduled(identity = "change-purge", every = "${juryroom.changes.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges every change table; the number of rows deleted (horizon rows written not counted). */
    @Transactional
    public long purge() {
        long deleted = 0;
        for (String table : TABLES) {
            // One statement, one snapshot: the rows deleted and the competitions given a horizon row agree.
            deleted += ((Number) em.createNativeQuery("with horizon as (select pg_snapshot_xmin(pg_current_snapshot()) h),"
                    + " old as (select r.competition_id from " + table + " r, horizon where r.xid < horizon.h"
                    + " group by r.competition_id having count(*) > 1),"
                    + " gone as (delete from " + table + " r using old, horizon where r.competition_id = old.competition_id"
                    + " and r.xid < horizon.h returning r.competition_id),"
                    + " mark as (insert into " + table + " (competition_id) select distinct competition_id from gone"
                    + " on conflict do nothing)"
                    + " select count(*) from gone").getSingleResult()).longValue();
        }
        return deleted;
    }
}
