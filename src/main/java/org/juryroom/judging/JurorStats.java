package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.ranking.RankingQuery;
import org.juryroom.ranking.RankingQuery.Figures;

import java.util.List;

/**
 * A juror's own statistics ("am I too strict?"): how much of their queue is done, and their marks
 * beside the whole jury's, per criterion and for the total. Nothing identifies another juror: the
 * jury's figures are aggregates over every counted scorecard, and they are withheld while fewer than
 * {@value #MIN_OTHER_JURORS} other jurors have counted scorecards, because with one other juror the
 * jury's mean and the juror's own would give that juror's mean away.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JurorStats {

    public static final int MIN_OTHER_JURORS = 3;

    /** One criterion: its scale, the juror's marks and the jury's (null while withheld). */
    public record CriterionStats(String code, String name, int minScore, int maxScore, Figures you, Figures jury) {
    }

    /**
     * @param assigned   entries in the juror's queue now (as the queue counts them)
     * @param done       of those, submitted or abstained
     * @param juryShown  false while fewer than {@code minOtherJurors} other jurors have counted scorecards
     */
    public record Stats(long competitionId, long assigned, long done, long drafts, boolean juryShown,
                        int minOtherJurors, Figures totalYou, Figures totalJury, List<CriterionStats> criteria) {
    }

    private final AccessPolicy access;
    private final CompetitionService competitions;
    private final RankingQuery ranking;
    private final EntityManager em;

    public JurorStats(AccessPolicy access, CompetitionService competitions, RankingQuery ranking, EntityManager em) {
        this.access = access;
        this.competitions = competitions;
        this.ranking = ranking;
        this.em = em;
    }

    /** The signed-in juror's statistics in one competition (404 if it does not exist). */
    public Stats mine(long competitionId) {
        Competition c = competitions.get(competitionId);
        long me = access.currentUser().jurorId();
        Object[] queue = queueCounts(competitionId, me);
        access.requireJurorWork(competitionId, n(queue[0]));
        RankingQuery.JurorFigures f = ranking.jurorFigures(c, me);
        boolean shown = f.otherJurors() >= MIN_OTHER_JURORS;
        return new Stats(competitionId, n(queue[0]), n(queue[1]), n(queue[2]), shown, MIN_OTHER_JURORS,
                f.jurorTotals(), shown ? f.allTotals() : null,
                f.criteria().stream().map(k -> new CriterionStats(k.code(), k.name(), k.minScore(), k.maxScore(),
                        k.juror(), shown ? k.all() : null)).toList());
    }

    /** assigned, done, drafts over the entries the access policy puts in the juror's queue. */
    private Object[] queueCounts(long competitionId, long me) {
        AccessPolicy.EntryFilter filter = access.entriesOf(competitionId);
        var q = em.createQuery("select count(e),"
                + " coalesce(sum(case when s.status in (:done) then 1 else 0 end), 0),"
                + " coalesce(sum(case when s.status = :draft then 1 else 0 end), 0)"
                + " from Entry e left join Scorecard s on s.entryId = e.id and s.jurorId = :me where "
                + filter.where(), Object[].class);
        filter.params().forEach(q::setParameter);
        return q.setParameter("me", me).setParameter("draft", ScorecardStatus.DRAFT)
                .setParameter("done", List.of(ScorecardStatus.SUBMITTED, ScorecardStatus.ABSTAINED)).getSingleResult();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
