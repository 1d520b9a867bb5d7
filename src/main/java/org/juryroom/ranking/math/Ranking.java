package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Façade: totals in, ranking out. Pipeline: {@link Normalisation#normalise} -> {@link Aggregation#aggregate} ->
 * {@link TieBreak#order} -> {@link Bootstrap#probabilities} -> {@link #toRows}. Each step is public so the app can
 * do the first two in SQL at scale and call only ordering and bootstrap.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Ranks a competition.
     *
     * @param totals       one weighted total per submitted scorecard (at most one per juror and entry)
     * @param codesByEntry anonymous code of EVERY entry in the competition; entries with no totals are reported as
     *                     unscored, not ranked
     * @throws IllegalArgumentException if a total refers to an entry missing from {@code codesByEntry}, or a juror
     *                                  scored an entry twice
     */
    public static RankingResult rank(List<JurorTotal> totals, Map<Long, String> codesByEntry, RankingParams params) {
        List<NormalisedTotal> normalised = Normalisation.normalise(totals, params.method());
        List<EntryStats> ordered = TieBreak.order(Aggregation.aggregate(normalised, codesByEntry));

        Map<Long, Double> pTopN = null;
        if (params.bootstrap() != null && params.shortlistSize() > 0) {
            pTopN = Bootstrap.probabilities(Aggregation.valuesByEntry(normalised), codesByEntry,
                    params.shortlistSize(), params.bootstrap());
        }
        Set<Long> unscored = new TreeSet<>(codesByEntry.keySet());
        ordered.forEach(s -> unscored.remove(s.entryId()));
        return new RankingResult(params.method(), TieBreak.DESCRIPTION, params.shortlistSize(),
                params.nearCutMargin(), toRows(ordered, params.disagreement(), pTopN), new ArrayList<>(unscored));
    }

    /**
     * Numbers already-ordered stats 1..n and applies the disagreement rule.
     *
     * @param ordered stats in ranking order (from {@link TieBreak#order})
     * @param pTopN   entryId -> probability, or {@code null}; entries absent from the map get {@code null}
     */
    public static List<RankedRow> toRows(List<EntryStats> ordered, DisagreementRule rule, Map<Long, Double> pTopN) {
        List<RankedRow> rows = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            EntryStats s = ordered.get(i);
            rows.add(new RankedRow(i + 1, s.entryId(), s.code(), s.score(), s.rawMean(), s.median(), s.jurorCount(),
                    s.spread(), s.stdDev(), rule.isFlagged(s), pTopN == null ? null : pTopN.get(s.entryId())));
        }
        return rows;
    }

    /** Flagged rows with rank <= shortlistSize + margin, in rank order: the disagreements worth a second look. */
    public static List<RankedRow> flaggedNearCut(List<RankedRow> rows, int shortlistSize, int margin) {
        return rows.stream().filter(r -> r.flagged() && r.isNearCut(shortlistSize, margin)).toList();
    }
}
