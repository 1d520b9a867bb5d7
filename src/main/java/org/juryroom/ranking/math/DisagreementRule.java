package org.juryroom.ranking.math;

/**
 * When jurors disagree enough about an entry to flag it for a second look: {@code spread > maxSpread} or, if
 * {@code maxStdDev} is set, {@code stdDev > maxStdDev}. Both are measured on RAW totals (points on the 0..100
 * scale), because that is what organisers read on the scorecards. Limits are exclusive: exactly at the limit is not
 * flagged.
 *
 * @param maxSpread largest allowed max - min of an entry's raw totals
 * @param maxStdDev largest allowed population sd of an entry's raw totals, or {@code null} for no sd rule
 */
public record DisagreementRule(double maxSpread, Double maxStdDev) {

    public static final double DEFAULT_MAX_SPREAD = 30.0;

    /** Spread above 30 points, no stdDev rule. */
    public static final DisagreementRule DEFAULT = new DisagreementRule(DEFAULT_MAX_SPREAD, null);

    public DisagreementRule {
        if (!(maxSpread >= 0)) {
            throw new IllegalArgumentException("maxSpread must be >= 0");
        }
        if (maxStdDev != null && !(maxStdDev >= 0)) {
            throw new IllegalArgumentException("maxStdDev must be >= 0");
        }
    }

    public static DisagreementRule spreadOnly(double maxSpread) {
        return new DisagreementRule(maxSpread, null);
    }

    public boolean isFlagged(EntryStats s) {
        return s.spread() > maxSpread || (maxStdDev != null && s.stdDev() > maxStdDev);
    }
}
