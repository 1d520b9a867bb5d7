package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.ranking.math.Bootstrap;
import org.juryroom.ranking.math.BootstrapParams;
import org.juryroom.ranking.math.CutPartition;
import org.juryroom.ranking.math.DisagreementRule;
import org.juryroom.ranking.math.EntryRange;
import org.juryroom.ranking.math.EntryStats;
import org.juryroom.ranking.math.RankingParams;
import org.juryroom.ranking.math.TieBreak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking an organiser sees: rows from the database (SQL aggregation), then the pure
 * module's disagreement rule and the bootstrap probability of making the cut for entries near it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RankingService {

    public record RankingRow(int rank, long entryId, String code, String title, String schoolName,
                             String categoryCode, double score, double rawMean, double median, int jurorCount,
                             double spread, double stdDev, boolean flagged, Double pTopN) {
    }

    public record RankingView(String method, String tieBreak, int shortlistSize, long total, int page, int size,
                              List<RankingRow> rows) {
    }

    private final CompetitionService competitions;
    private final RankingQuery query;

    public RankingService(CompetitionService competitions, RankingQuery query) {
        this.competitions = competitions;
        this.query = query;
    }

    public RankingView ranking(long competitionId, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw ProblemException.badRequest("page must be 0 or more and size between 1 and 1000");
        }
        Competition c = competitions.get(competitionId);
        int n = c.shortlistSize;
        int nearCut = n + RankingParams.DEFAULT_NEAR_CUT_MARGIN;
        List<RankingQuery.Row> rows = query.page(competitionId, c.rankingMethod, page * size, size);
        boolean pageNearCut = !rows.isEmpty() && rows.get(0).rank() <= nearCut;
        Map<Long, Double> pTopN = pageNearCut ? pTopN(c) : Map.of();
        DisagreementRule rule = DisagreementRule.DEFAULT;
        List<RankingRow> out = rows.stream().map(r -> new RankingRow(r.rank(), r.entryId(), r.code(), r.title(),
                r.schoolName(), r.categoryCode(), r.score(), r.rawMean(), r.median(), r.jurorCount(), r.spread(),
                r.stdDev(), rule.isFlagged(stats(r)), r.rank() <= nearCut ? pTopN.getOrDefault(r.entryId(), 0.0) : null))
                .toList();
        return new RankingView(c.rankingMethod.name(), TieBreak.DESCRIPTION, n, query.scoredCount(competitionId),
                page, size, out);
    }

    /**
     * Bootstrap over jurors for the entries that can reach the top N at all; the partition
     * settles the sure ones without simulation, so only the uncertain few are resampled.
     */
    private Map<Long, Double> pTopN(Competition c) {
        List<RankingQuery.Row> reachable = query.reachable(c.id, c.rankingMethod, c.shortlistSize);
        CutPartition cut = Bootstrap.partition(reachable.stream()
                .map(r -> new EntryRange(r.entryId(), r.minValue(), r.maxValue())).toList(), c.shortlistSize);
        Map<Long, String> codes = new HashMap<>();
        reachable.forEach(r -> codes.put(r.entryId(), r.code()));
        Map<Long, double[]> values = query.values(c.id, c.rankingMethod, cut.candidates());
        Map<Long, Double> p = new HashMap<>(Bootstrap.simulate(values, codes, cut.surelyIn().size(),
                c.shortlistSize, BootstrapParams.withSeed(c.id)));
        cut.surelyIn().forEach(id -> p.put(id, 1.0));
        return p;
    }

    private static EntryStats stats(RankingQuery.Row r) {
        return new EntryStats(r.entryId(), r.code(), r.score(), r.rawMean(), r.median(), r.jurorCount(), r.spread(),
                r.stdDev());
    }
}
