package org.juryroom.ranking.math;

import java.util.Arrays;

/**
 * Small descriptive statistics. Callers pass ascending-sorted arrays where noted so that floating-point sums depend
 * only on the multiset of values, never on input order (which keeps rankings independent of input order even at
 * the last bit).
 */
public final class Stats {

    private Stats() {
    }

    public static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Arithmetic mean; sums in array order (pass sorted arrays for order independence). */
    public static double mean(double[] values) {
        requireNonEmpty(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation {@code sqrt(sum((x - mean)^2) / n)}, computed in two passes for accuracy. */
    public static double populationSd(double[] values) {
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            double d = v - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / values.length);
    }

    /** Median of an ascending-sorted array: middle value, or the mean of the two middle values for even n. */
    public static double medianOfSorted(double[] sorted) {
        requireNonEmpty(sorted);
        int n = sorted.length;
        return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** max - min of an ascending-sorted array. */
    public static double rangeOfSorted(double[] sorted) {
        requireNonEmpty(sorted);
        return sorted[sorted.length - 1] - sorted[0];
    }

    private static void requireNonEmpty(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
    }
}
