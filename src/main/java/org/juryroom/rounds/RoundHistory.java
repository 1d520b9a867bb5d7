package org.juryroom.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.judging.JudgingProgress;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the organiser reads about each round, open or closed: its progress, the screening votes per
 * entry, who advanced, the missing work by entry, and the entries' names; the rounds page and the
 * exports read it here. Counted in SQL; nothing is written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoundHistory {

    /**
     * {@code done} of {@code assigned} pieces of work of entries still in judging: votes, scorecards, or the final
     * jury's ballots.
     */
    public record Progress(long done, long assigned) {
        /** Nothing assigned yet (0 of 0) is a round not started, not one finished. */
        public boolean started() {
            return assigned > 0;
        }

        public boolean complete() {
            return started() && done == assigned;
        }
    }

    /** An entry as the organiser's pages name it (schools included, as on the ranking page). */
    public record EntryName(long entryId, String code, String title, String schoolName) {
    }

    /**
     * The entries these listings and the exports may name: a held or excluded entry is left out of
     * them (docs/safeguarding.md), wherever its votes or outcome are read from.
     */
    private static final String NAMED = "select e.id, e.code, e.title, s.name from entry e"
            + " join school s on s.id = e.school_id where e.hold is null and ";

    private final AccessPolicy access;
    private final RoundService rounds;
    private final RoundWork work;
    private final EntityManager em;

    public RoundHistory(AccessPolicy access, RoundService rounds, RoundWork work, EntityManager em) {
        this.access = access;
        this.rounds = rounds;
        this.work = work;
        this.em = em;
    }

    public List<JudgingRound> of(long competitionId) {
        access.requireOrganiser("Reading the rounds");
        return JudgingRound.ofCompetition(competitionId);
    }

    public Progress progress(JudgingRound r) {
        access.requireOrganiser("Reading a round's progress");
        String sql = switch (r.kind) {
            // Each member of the final jury casts one ballot over the whole shortlist.
            case FINAL -> "select count(*), count(b.id) from round_jury j left join final_ballot b"
                    + " on b.round_id = j.round_id and b.juror_id = j.juror_id where j.round_id = :id";
            case SCREENING -> "select count(*), count(a.vote) from screening_vote a join entry e on e.id = a.entry_id"
                    + " where a.round_id = :id and " + JudgingProgress.NOT_CONFLICTED;
            case RUBRIC -> "select count(*), count(*) filter (where exists (select 1 from scorecard s where s.entry_id ="
                    + " a.entry_id and s.juror_id = a.juror_id and s.status in ('SUBMITTED', 'ABSTAINED')))"
                    + " from assignment a join entry e on e.id = a.entry_id where a.competition_id = :id and "
                    + JudgingProgress.NOT_CONFLICTED;
        };
        Object[] row = (Object[]) em.createNativeQuery(sql)
                .setParameter("id", r.kind == RoundKind.RUBRIC ? r.competitionId : r.id).getSingleResult();
        return new Progress(((Number) row[1]).longValue(), ((Number) row[0]).longValue());
    }

    /** A SCREENING round's YES / NO / ABSTAIN per entry, counted as its close counts them. */
    public List<ScreeningRule.Tally> tallies(JudgingRound r) {
        access.requireOrganiser("Reading a round's votes");
        return r.kind == RoundKind.SCREENING ? rounds.tallies(r) : List.of();
    }

    /** A closed round's outcome: entry id → advanced; empty while the round is not closed. */
    @SuppressWarnings("unchecked")
    public Map<Long, Boolean> outcome(JudgingRound r) {
        access.requireOrganiser("Reading a round's outcome");
        Map<Long, Boolean> out = new LinkedHashMap<>();
        ((List<Object[]>) em.createNativeQuery("select entry_id, advanced from round_outcome where round_id = :rid"
                + " order by entry_id").setParameter("rid", r.id).getResultList())
                .forEach(x -> out.put(((Number) x[0]).longValue(), (Boolean) x[1]));
        return out;
    }

    /** Per juror, then per entry, the work still missing and not remedied. */
    public List<RoundWork.Missing> missing(JudgingRound r) {
        access.requireOrganiser("Reading a round's missing work");
        return work.missing(r);
    }

    public Map<Long, Long> missingByEntry(JudgingRound r) {
        access.requireOrganiser("Reading a round's missing work");
        return work.missingByEntry(r);
    }

    public List<RoundWork.RemedyView> remedies(JudgingRound r) {
        access.requireOrganiser("Reading a round's remedies");
        return work.remedies(r);
    }

    /** Code, title and school of every entry of the competition not held (the exports list every round's). */
    @SuppressWarnings("unchecked")
    public Map<Long, EntryName> namesOf(long competitionId) {
        access.requireOrganiser("Reading entries' names");
        Map<Long, EntryName> out = new HashMap<>();
        ((List<Object[]>) em.createNativeQuery(NAMED + "e.competition_id = :cid")
                .setParameter("cid", competitionId).getResultList())
                .forEach(x -> out.put(((Number) x[0]).longValue(), new EntryName(((Number) x[0]).longValue(),
                        (String) x[1], (String) x[2], (String) x[3])));
        return out;
    }

    /** Code, title and school of each entry named (a page's worth); unknown and held ids are left out. */
    @SuppressWarnings("unchecked")
    public Map<Long, EntryName> names(Collection<Long> entryIds) {
        access.requireOrganiser("Reading entries' names");
        Map<Long, EntryName> out = new HashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        ((List<Object[]>) em.createNativeQuery(NAMED + "e.id in (:ids)")
                .setParameter("ids", entryIds).getResultList())
                .forEach(x -> out.put(((Number) x[0]).longValue(), new EntryName(((Number) x[0]).longValue(),
                        (String) x[1], (String) x[2], (String) x[3])));
        return out;
    }
}
