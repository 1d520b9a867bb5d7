package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each submitted entry's result once its competition is PUBLISHED (docs/judging.md, section 12):
 * WINNER with its place or SPECIAL_MENTION from the FINAL round's sealed result, else SHORTLISTED
 * when on the frozen shortlist, else NOT_SHORTLISTED. Nothing before publication. One query for
 * the entries a page shows (a school's, a page of the list), never the whole competition.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EntryResults {

    public enum Kind { WINNER, SPECIAL_MENTION, SHORTLISTED, NOT_SHORTLISTED }

    /** {@code place}: only for a WINNER. */
    public record Result(Kind result, Integer place) {
    }

    private final EntityManager em;

    public EntryResults(EntityManager em) {
        this.em = em;
    }

    public Map<Long, Result> of(long competitionId, Collection<Long> entryIds) {
        return of(Competition.<Competition>findById(competitionId), entryIds);
    }

    /** By entry id, for the entries named; empty unless the competition is PUBLISHED. */
    public Map<Long, Result> of(Competition c, Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return new HashMap<>();
        }
        return results(c, "e.id in (:ids)", Map.of("ids", entryIds));
    }

    /**
     * Every entry of the competition with a result other than NOT_SHORTLISTED, in one query (the result
     * mail, ResultLetters: a school is told what its portal shows); empty unless PUBLISHED.
     */
    public Map<Long, Result> placed(Competition c) {
        return results(c, "(se.entry_id is not null or a.entry_id is not null)", Map.of());
    }

    /**
     * The one rule, for the entries {@code where} selects. A safeguarding hold changes nothing here: the
     * school learns nothing of it (docs/safeguarding.md), although the public page leaves the entry out.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, Result> results(Competition c, String where, Map<String, Object> parameters) {
        Map<Long, Result> out = new HashMap<>();
        if (c == null || c.status != CompetitionStatus.PUBLISHED) {
            return out;
        }
        var query = em.createNativeQuery("""
                        select e.id, se.entry_id is not null, a.entry_id is not null, a.place
                        from entry e
                        left join shortlist s on s.competition_id = e.competition_id
                        left join shortlist_entry se on se.shortlist_id = s.id and se.entry_id = e.id
                        left join final_result f on f.competition_id = e.competition_id
                        left join final_award a on a.round_id = f.round_id and a.entry_id = e.id
                        where e.competition_id = :cid and e.status = 'SUBMITTED'""" + " and " + where)
                .setParameter("cid", c.id);
        parameters.forEach(query::setParameter);
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            boolean shortlisted = Boolean.TRUE.equals(r[1]);
            boolean awarded = Boolean.TRUE.equals(r[2]);
            Integer place = r[3] == null ? null : ((Number) r[3]).intValue();
            Kind kind = awarded ? (place != null ? Kind.WINNER : Kind.SPECIAL_MENTION)
                    : shortlisted ? Kind.SHORTLISTED : Kind.NOT_SHORTLISTED;
            out.put(((Number) r[0]).longValue(), new Result(kind, place));
        }
        return out;
    }
}
