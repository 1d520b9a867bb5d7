package org.juryroom.ranking.math;

/**
 * Min and max of one entry's normalised values. A bootstrap mean always lies in [min, max], which is all
 * {@link Bootstrap#partition} needs; at scale the app gets these from SQL (MIN/MAX per entry).
 */
public record EntryRange(long entryId, double min, double max) {

    public EntryRange {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("entry " + entryId + ": need finite min <= max");
        }
    }

    public static EntryRange of(long entryId, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("entry " + entryId + " has no values");
        }
        double lo = values[0];
        double hi = values[0];
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new EntryRange(entryId, lo, hi);
    }
}
