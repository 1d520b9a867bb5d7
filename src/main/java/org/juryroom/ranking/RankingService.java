package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.ranking.math.Bootstrap;
import org.juryroom.ranking.math.BootstrapParams;
import org.juryroom.ranking.math.CutPartition;
import org.juryroom.ranking.math.DisagreementRule;
import org.juryroom.ranking.math.EntryStats;
import org.juryroom.ranking.math.RankingParams;
import org.juryroom.ranking.math.TieBreak;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking an organiser sees: rows from the database (SQL aggregation), then the pure
 * module's disagreement rule (the competition's thresholds), the bootstrap probability of making
 * the cut for entries near it, and whether a flagged entry near the cut still needs an
 * organiser's decision before the freeze.
 *
 * <p>The rows and the bootstrap are computed once per change of what the ranking counts and kept
 * in {@link RankingCache}; a page is then a slice of them plus its entries' titles. The computation
 * ({@link RankingQuery#compute}) is one statement; the freeze's check ({@link RankingQuery#materialise})
 * uses temporary tables of its transaction, which the seal then reads.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RankingService {

    /**
     * @param flagged            the jurors disagree beyond the competition's threshold
     * @param pTopN              bootstrap probability of being in the top N; only for rank <= N + 5
     * @param needsAdjudication  flagged, in or near the cut, and without a current CONFIRM: blocks the freeze
     */
    public record RankingRow(int rank, long entryId, String code, String title, String schoolName,
                             String categoryCode, double score, double rawMean, double median, int jurorCount,
                             double spread, double stdDev, boolean flagged, Double pTopN, boolean needsAdjudication) {
    }

    /**
     * @param frozen true when the competition is frozen: the ranking is computed from the sealed scorecards
     */
    public record RankingView(String method, String tieBreak, int shortlistSize, long total, int page, int size,
                              List<RankingRow> rows, String disagreement, int nearCutMargin, boolean frozen,
                              int bootstrapRounds, long bootstrapSeed) {
    }

    private final CompetitionService competitions;
    private final RankingQuery query;
    private final AdjudicationService adjudications;
    private final RankingCache cache;

    public RankingService(CompetitionService competitions, RankingQuery query, AdjudicationService adjudications,
                          RankingCache cache) {
        this.competitions = competitions;
        this.query = query;
        this.adjudications = adjudications;
        this.cache = cache;
    }

    public RankingView ranking(long competitionId, int page, int size) {
        org.juryroom.common.Page.Request.of(page, size, 1000);
        Competition c = competitions.get(competitionId);
        RankingQuery.Basis basis = basis(c);
        return view(c, basis, ranked(c, basis), page, size);
    }

    /** The first {@code limit} rows (exports: no page-size cap). */
    public RankingView top(long competitionId, int limit) {
        Competition c = competitions.get(competitionId);
        RankingQuery.Basis basis = basis(c);
        return view(c, basis, ranked(c, basis), 0, Math.max(1, limit));
    }

    /** The ranking's rows and bootstrap, from the cache or computed once for the current inputs. */
    private RankingCache.Ranked ranked(Competition c, RankingQuery.Basis basis) {
        return cache.get(new RankingCache.Key(c.id, c.rankingMethod.name(), basis.shortlistId(), c.shortlistSize),
                () -> {
                    RankingQuery.Computed computed = query.compute(c.id, c.rankingMethod, basis, c.shortlistSize);
                    List<RankingQuery.Row> rows = computed.rows();
                    return new RankingCache.Ranked(rows,
                            rows.isEmpty() ? Map.of() : pTopN(c, rows, computed.reachableValues()));
                });
    }

    /**
     * Rows 1 .. shortlistSize + margin of the live ranking, with flags and adjudication needs but
     * without the bootstrap (what the freeze checks and seals; pTopN stays null).
     */
    List<RankingRow> nearCut(Competition c) {
        query.materialise(c.id, c.rankingMethod, RankingQuery.Basis.LIVE);
        return decorate(c, RankingQuery.Basis.LIVE,
                query.page(0, c.shortlistSize + RankingParams.DEFAULT_NEAR_CUT_MARGIN), null);
    }

    /**
     * Every scored entry of the live ranking, in rank order (a RUBRIC round's close-preview), without
     * titles, schools and categories.
     */
    public List<RankingQuery.Row> live(Competition c) {
        return ranked(c, RankingQuery.Basis.LIVE).rows();
    }

    static RankingQuery.Basis basis(Competition c) {
        if (c.status == CompetitionStatus.FROZEN || c.status == CompetitionStatus.PUBLISHED) {
            return Shortlist.ofCompetition(c.id).map(s -> RankingQuery.Basis.frozen(s.id))
                    .orElse(RankingQuery.Basis.LIVE);
        }
        return RankingQuery.Basis.LIVE;
    }

    private RankingView view(Competition c, RankingQuery.Basis basis, RankingCache.Ranked ranked, int page,
                             int size) {
        List<RankingQuery.Row> all = ranked.rows();
        if (basis.shortlistId() != null) {
            // The frozen ranking keeps its sealed ranks; an entry withheld since the freeze (held, withdrawn,
            // erased by an organiser: Shortlist's one rule) is simply not shown, here and in the exports.
            java.util.Set<Long> withheld = Shortlist.withheldOf(c.id);
            if (!withheld.isEmpty()) {
                all = all.stream().filter(r -> !withheld.contains(r.entryId())).toList();
            }
        }
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = (int) Math.min(all.size(), (long) from + size);
        List<RankingRow> out = decorate(c, basis, query.describe(all.subList(from, to)), ranked.pTopN());
        return new RankingView(c.rankingMethod.name(), TieBreak.DESCRIPTION, c.shortlistSize, all.size(),
                page, size, out, describe(c.disagreementRule()), RankingParams.DEFAULT_NEAR_CUT_MARGIN,
                basis.shortlistId() != null, BootstrapParams.DEFAULT_ROUNDS, c.id);
    }

    /** {@code pTopN}: the bootstrap's probabilities, or null to leave them out (the freeze's check). */
    private List<RankingRow> decorate(Competition c, RankingQuery.Basis basis, List<RankingQuery.Row> rows,
                                      Map<Long, Double> pTopN) {
        int nearCut = c.shortlistSize + RankingParams.DEFAULT_NEAR_CUT_MARGIN;
        boolean pageNearCut = pTopN != null && !rows.isEmpty() && rows.get(0).rank() <= nearCut;
        DisagreementRule rule = c.disagreementRule();
        List<Long> flaggedNearCut = rows.stream().filter(r -> r.rank() <= nearCut && rule.isFlagged(stats(r)))
                .map(RankingQuery.Row::entryId).toList();
        // Once frozen, nothing needs deciding: the freeze only happened because nothing did.
        Map<Long, Boolean> confirmed = basis.shortlistId() == null
                ? adjudications.confirmedNow(c.id, flaggedNearCut) : Map.of();
        return rows.stream().map(r -> new RankingRow(r.rank(), r.entryId(), r.code(), r.title(),
                r.schoolName(), r.categoryCode(), r.score(), r.rawMean(), r.median(), r.jurorCount(), r.spread(),
                r.stdDev(), rule.isFlagged(stats(r)),
                pageNearCut && r.rank() <= nearCut ? pTopN.getOrDefault(r.entryId(), 0.0) : null,
                basis.shortlistId() == null && flaggedNearCut.contains(r.entryId())
                        && !confirmed.getOrDefault(r.entryId(), false)))
                .toList();
    }

    /**
     * Bootstrap over jurors for the entries that can reach the top N at all; the partition
     * settles the sure ones without simulation, so only the uncertain few are resampled. The
     * partition reads the ranges of the rows already read; the candidates' values came with them.
     */
    private Map<Long, Double> pTopN(Competition c, List<RankingQuery.Row> rows, Map<Long, double[]> reachable) {
        int n = rows.size();
        long[] ids = new long[n];
        double[] mins = new double[n];
        double[] maxs = new double[n];
        for (int i = 0; i < n; i++) {
            RankingQuery.Row r = rows.get(i);
            ids[i] = r.entryId();
            mins[i] = r.minValue();
            maxs[i] = r.maxValue();
        }
        CutPartition cut = Bootstrap.partition(ids, mins, maxs, c.shortlistSize);
        Map<Long, double[]> values = new HashMap<>(2 * cut.candidates().size());
        cut.candidates().forEach(id -> {
            double[] v = reachable.get(id);
            if (v == null) {
                // RankingQuery's reachable set is wider than the partition's candidates by construction
                throw new IllegalStateException("entry " + id + " is a candidate without its values");
            }
            values.put(id, v);
        });
        Map<Long, String> codes = new HashMap<>(2 * values.size());
        rows.forEach(r -> {
            if (values.containsKey(r.entryId())) {
                codes.put(r.entryId(), r.code());
            }
        });
        Map<Long, Double> p = new HashMap<>(Bootstrap.simulate(values, codes, cut.surelyIn().size(),
                c.shortlistSize, BootstrapParams.withSeed(c.id)));
        cut.surelyIn().forEach(id -> p.put(id, 1.0));
        return p;
    }

    static String describe(DisagreementRule rule) {
        return "flagged when the jurors' raw totals differ by more than " + rule.maxSpread() + " points"
                + (rule.maxStdDev() == null ? "" : " or their standard deviation exceeds " + rule.maxStdDev());
    }

    private static EntryStats stats(RankingQuery.Row r) {
        return new EntryStats(r.entryId(), r.code(), r.score(), r.rawMean(), r.median(), r.jurorCount(), r.spread(),
                r.stdDev());
    }
}
