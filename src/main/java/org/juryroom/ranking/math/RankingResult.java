package org.juryroom.ranking.math;

import java.util.List;

/**
 * Outcome of {@link Ranking#rank}: rows best first (row i has rank i + 1). Entries without any scorecard are not
 * ranked (a missing scorecard is never a zero); they are listed in {@code unscoredEntryIds}, sorted.
 */
public record RankingResult(NormalisationMethod method, String tieBreak, int shortlistSize, int nearCutMargin,
                            List<RankedRow> rows, List<Long> unscoredEntryIds) {

    public RankingResult {
        rows = List.copyOf(rows);
        unscoredEntryIds = List.copyOf(unscoredEntryIds);
    }

    public int unscoredCount() {
        return unscoredEntryIds.size();
    }

    /** Rows with rank <= shortlistSize. */
    public List<RankedRow> shortlist() {
        return rows.subList(0, Math.min(shortlistSize, rows.size()));
    }

    /** Flagged rows in or near the cut (rank <= shortlistSize + nearCutMargin), best first. */
    public List<RankedRow> flaggedNearCut() {
        return Ranking.flaggedNearCut(rows, shortlistSize, nearCutMargin);
    }
}
