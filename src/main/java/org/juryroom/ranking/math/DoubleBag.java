package org.juryroom.ranking.math;

import java.util.Arrays;

/** Growable primitive double list used for grouping without boxing (package-private helper). */
final class DoubleBag {

    private double[] values = new double[8];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** The collected values, sorted ascending, trimmed to size. */
    double[] sorted() {
        double[] out = Arrays.copyOf(values, size);
        Arrays.sort(out);
        return out;
    }
}
