package org.juryroom.ranking.math;

/** One submitted scorecard reduced to its weighted total (0..100): juror {@code jurorId} scored entry {@code entryId}. */
public record JurorTotal(long jurorId, long entryId, double total) {

    public JurorTotal {
        if (!Double.isFinite(total)) {
            throw new IllegalArgumentException("total must be finite: juror " + jurorId + ", entry " + entryId);
        }
    }
}
