package org.juryroom.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Whether something computed from the database is still current, for the caches kept in memory
 * (the ranking, the public shortlist). A change table ({@code ranking_change}, {@code public_change})
 * gets a row from triggers in the same transaction as every change that matters, carrying that
 * transaction's id ({@code xid}). A copy remembers the database snapshot taken before it was computed
 * and is current while no change row exists that this snapshot did not see. Unlike a counter or
 * {@code max(version)}, which are handed out before commit, this holds whatever order writers commit
 * in (an older writer committing after a newer one is still seen), and on every instance. A change
 * committed while the copy was computed may already be in it: it only costs one more computation.
 */
@ApplicationScoped
public class ChangeSnapshots {

    private final EntityManager em;

    public ChangeSnapshots(EntityManager em) {
        this.em = em;
    }

    /**
     * The current snapshot, to be taken before computing; null when this transaction has written
     * itself: what it computes could be rolled back, so it must not be kept.
     */
    public String take() {
        Object[] s = (Object[]) em.createNativeQuery("select cast(pg_current_snapshot() as text),"
                + " pg_current_xact_id_if_assigned() is null").getSingleResult();
        return Boolean.TRUE.equals(s[1]) ? (String) s[0] : null;
    }

    /**
     * Whether {@code table} (a change table of the migrations, never input) has no row of the
     * competition (or, null, of any) that {@code snapshot} did not see: one index range scan over the
     * rows written since the snapshot's oldest running transaction.
     */
    public boolean unchangedSince(String table, Long competitionId, String snapshot) {
        var q = em.createNativeQuery("select not exists (select 1 from " + table + " r where "
                + (competitionId == null ? "" : "r.competition_id = :cid and ")
                + "r.xid >= pg_snapshot_xmin(cast(:s as pg_snapshot))"
                + " and not pg_visible_in_snapshot(r.xid, cast(:s as pg_snapshot)))").setParameter("s", snapshot);
        if (competitionId != null) {
            q.setParameter("cid", competitionId);
        }
        return (Boolean) q.getSingleResult();
    }
}
