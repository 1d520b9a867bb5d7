package org.juryroom.ranking.math;

import java.util.Objects;

/**
 * Aggregate of one scored entry; all that ordering needs, so the app can build it from SQL aggregates.
 *
 * @param score      mean of the entry's normalised values (the ranking score)
 * @param rawMean    mean of the raw scorecard totals
 * @param median     median of the normalised values (first tie-break)
 * @param jurorCount number of scorecards (always >= 1: unscored entries have no EntryStats)
 * @param spread     max - min of the RAW totals
 * @param stdDev     population standard deviation of the RAW totals
 */
public record EntryStats(long entryId, String code, double score, double rawMean, double median, int jurorCount,
                         double spread, double stdDev) {

    public EntryStats {
        Objects.requireNonNull(code, "code");
        if (jurorCount < 1) {
            throw new IllegalArgumentException("entry " + entryId + ": jurorCount must be >= 1 (unscored entries are not ranked)");
        }
    }
}
