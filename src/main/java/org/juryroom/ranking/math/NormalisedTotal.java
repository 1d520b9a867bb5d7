package org.juryroom.ranking.math;

/** A scorecard total together with its normalised value (equal to {@code raw} under RAW_MEAN or a fallback). */
public record NormalisedTotal(long jurorId, long entryId, double raw, double value) {
}
