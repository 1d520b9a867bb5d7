package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.Panache;
import org.juryroom.common.ProblemException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The FINAL round's candidates and the jurors who may not rank them, in one place for the ballot,
 * the jury, the freeze that opens the round, the preview and the close (docs/judging.md, "The final round").
 */
final class FinalCandidates {

    /**
     * The shortlist (what the round before advanced) still in judging: submitted and not held. A
     * withdrawn, held or excluded entry is not a candidate. Binds {@code :prev}.
     */
    private static final String LIVE = "select o.entry_id from round_outcome o join entry e on e.id = o.entry_id"
            + " where o.round_id = :prev and o.advanced and e.status = 'SUBMITTED' and e.hold is null";

    private FinalCandidates() {
    }

    private static long previous(JudgingRound r) {
        return r.previous().map(p -> p.id).orElse(-1L);
    }

    /** The candidates now, ascending; empty while the round before has not closed (the shortlist is not known). */
    @SuppressWarnings("unchecked")
    static List<Long> of(JudgingRound r) {
        return ((List<Number>) Panache.getEntityManager().createNativeQuery(LIVE + " order by o.entry_id")
                .setParameter("prev", previous(r)).getResultList()).stream().map(Number::longValue).toList();
    }

    /** How many shortlisted entries are HELD: one may come back, so nothing is decided over them. */
    static long held(JudgingRound r) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from round_outcome o"
                        + " join entry e on e.id = o.entry_id where o.round_id = :prev and o.advanced and e.hold = 'HELD'")
                .setParameter("prev", previous(r)).getSingleResult()).longValue();
    }

    /** Which of the jurors have a conflict with the school of a candidate, ascending. */
    @SuppressWarnings("unchecked")
    static List<Long> conflicted(JudgingRound r, Collection<Long> jurorIds) {
        if (jurorIds.isEmpty()) {
            return List.of();
        }
        return ((List<Number>) Panache.getEntityManager().createNativeQuery("select distinct cf.juror_id"
                        + " from conflict cf join entry e on e.school_id = cf.school_id"
                        + " where cf.juror_id in (:jurors) and e.id in (" + LIVE + ") order by cf.juror_id")
                .setParameter("jurors", jurorIds).setParameter("prev", previous(r)).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** 409 naming them if any of the jurors has a conflict with a candidate's school. */
    static void requireNoConflict(JudgingRound r, Collection<Long> jurorIds) {
        List<Long> conflicted = conflicted(r, jurorIds);
        if (!conflicted.isEmpty()) {
            throw ProblemException.conflict("Jurors " + conflicted + " have a conflict with the school of a"
                    + " shortlisted entry: they cannot sit on the final jury", Map.of("conflicted", conflicted));
        }
    }

    /** The same over the round's own jury: the freeze that opens it, the preview and the close. */
    static void requireJuryWithoutConflict(JudgingRound r) {
        requireNoConflict(r, RoundJury.ofRound(r.id).stream().map(j -> j.jurorId).toList());
    }
}
