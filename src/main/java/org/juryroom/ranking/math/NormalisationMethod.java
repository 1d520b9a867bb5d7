package org.juryroom.ranking.math;

/** How scorecard totals are adjusted for juror harshness/leniency before averaging per entry. */
public enum NormalisationMethod {
    /** No adjustment: an entry's score is the plain mean of its scorecard totals. */
    RAW_MEAN,
    /**
     * Default. Each juror's totals are standardised over the entries that juror scored and mapped back onto the
     * competition-wide scale ({@code M + S * z}); see {@link Normalisation}.
     */
    Z_SCORE;

    public static final NormalisationMethod DEFAULT = Z_SCORE;
}
