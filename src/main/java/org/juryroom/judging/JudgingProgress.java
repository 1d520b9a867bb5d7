package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.CompetitionService;

import java.util.List;

/**
 * How far a competition has come, counted in the database: entries per category and status,
 * and scorecards expected (one per assignment) against scorecards done, per category and per juror.
 * An assignment whose juror has since declared a conflict with the entry's school is no longer
 * expected: the entry has left that juror's queue and another juror has taken it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JudgingProgress {

    public record CategoryCount(String code, String name, long drafts, long submitted, long withdrawn,
                                long assignments, long scorecardsSubmitted) {
    }

    public record JurorCount(long jurorId, String name, long assigned, long drafts, long submitted) {
    }

    public record Progress(List<CategoryCount> categories, List<JurorCount> jurors) {
        public long submittedEntries() {
            return categories.stream().mapToLong(CategoryCount::submitted).sum();
        }

        public long draftEntries() {
            return categories.stream().mapToLong(CategoryCount::drafts).sum();
        }

        public long assignments() {
            return categories.stream().mapToLong(CategoryCount::assignments).sum();
        }

        public long scorecardsSubmitted() {
            return categories.stream().mapToLong(CategoryCount::scorecardsSubmitted).sum();
        }
    }

    /**
     * For an assignment {@code a} of entry {@code e}: the entry is still in judging (not withdrawn, e.g.
     * by a guardian, nor held) and its juror has no conflict with the entry's school (also JuryReminders).
     */
    /**
     * Every (juror, entry) of a competition's current work as the derived table {@code a(juror_id,
     * entry_id, done)}: RUBRIC assignments, done once the scorecard is submitted or abstained, and
     * the rows of an OPEN screening round, done once the vote is cast. Parameter {@code :cid}. The
     * one source for notices and reminders, so screening work is counted like scoring work.
     */
    public static final String CURRENT_WORK = """
            (select a.juror_id, a.entry_id, coalesce(s.status in ('SUBMITTED', 'ABSTAINED'), false) as done
               from assignment a left join scorecard s on s.entry_id = a.entry_id and s.juror_id = a.juror_id
              where a.competition_id = :cid
             union all
             select v.juror_id, v.entry_id, v.vote is not null
               from screening_vote v join judging_round r on r.id = v.round_id
              where r.competition_id = :cid and r.status = 'OPEN') a""";

    public static final String NOT_CONFLICTED =
            "e.status = 'SUBMITTED' and e.hold is null and " + Conflict.notConflicted("a.juror_id", "e.school_id");

    private final CompetitionService competitions;
    private final EntityManager em;

    public JudgingProgress(CompetitionService competitions, EntityManager em) {
        this.competitions = competitions;
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    public Progress of(long competitionId) {
        competitions.get(competitionId);
        List<Object[]> categories = em.createNativeQuery("""
                select k.code, k.name,
                       (select count(*) from entry e where e.category_id = k.id and e.status = 'DRAFT'),
                       (select count(*) from entry e where e.category_id = k.id and e.status = 'SUBMITTED'),
                       (select count(*) from entry e where e.category_id = k.id and e.status = 'WITHDRAWN'),
                       (select count(*) from assignment a join entry e on e.id = a.entry_id
                         where e.category_id = k.id and %1$s),
                       (select count(*) from assignment a join entry e on e.id = a.entry_id
                          join scorecard s on s.entry_id = a.entry_id and s.juror_id = a.juror_id
                         where e.category_id = k.id and s.status = 'SUBMITTED' and %1$s)
                from category k where k.competition_id = :cid order by k.code""".formatted(NOT_CONFLICTED))
                .setParameter("cid", competitionId).getResultList();
        List<Object[]> jurors = em.createNativeQuery("""
                select j.id, j.name, count(a.id),
                       count(s.id) filter (where s.status = 'DRAFT'),
                       count(s.id) filter (where s.status = 'SUBMITTED')
                from juror j
                join assignment a on a.juror_id = j.id and a.competition_id = :cid
                join entry e on e.id = a.entry_id
                left join scorecard s on s.entry_id = a.entry_id and s.juror_id = j.id
                where %s
                group by j.id, j.name order by j.name, j.id""".formatted(NOT_CONFLICTED))
                .setParameter("cid", competitionId).getResultList();
        return new Progress(
                categories.stream().map(r -> new CategoryCount((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]),
                        n(r[5]), n(r[6]))).toList(),
                jurors.stream().map(r -> new JurorCount(n(r[0]), (String) r[1], n(r[2]), n(r[3]), n(r[4]))).toList());
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
