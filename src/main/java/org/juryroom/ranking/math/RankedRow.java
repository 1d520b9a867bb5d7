package org.juryroom.ranking.math;

/**
 * One ranking row. {@code rank} is the 1-based position (distinct per row; ties already broken by
 * {@link TieBreak}). {@code pTopN} is the bootstrap probability of being in the shortlist, or {@code null} when no
 * bootstrap was run.
 */
public record RankedRow(int rank, long entryId, String code, double score, double rawMean, double median,
                        int jurorCount, double spread, double stdDev, boolean flagged, Double pTopN) {

    /** In the shortlist or within {@code margin} places below it: {@code rank <= shortlistSize + margin}. */
    public boolean isNearCut(int shortlistSize, int margin) {
        return rank <= shortlistSize + margin;
    }
}
