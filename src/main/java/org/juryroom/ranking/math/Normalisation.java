package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Juror normalisation.
 *
 * <p>{@link NormalisationMethod#Z_SCORE}: for juror j with totals t over the entries j scored,
 * <pre>
 *   z     = (t - mean_j) / sd_j                       (population sd)
 *   value = M + S * z                                 M, S = mean and population sd of ALL totals in the competition
 * </pre>
 * so normalised values stay on the familiar 0..100-ish scale and are comparable with raw totals. Fallbacks to
 * {@code value = t}: juror has fewer than {@value #MIN_SCORECARDS_FOR_Z} scorecards (too few to estimate a scale),
 * juror's totals are all equal ({@code sd_j == 0}), or all competition totals are equal ({@code S == 0}).
 * "sd == 0" is tested as "all values identical" so floating-point dust (e.g. sd 1e-17) never triggers a
 * division by almost-zero.
 *
 * <p>{@link NormalisationMethod#RAW_MEAN}: {@code value = t}.
 */
public final class Normalisation {

    /** Minimum number of scorecards a juror needs before their totals are standardised. */
    public static final int MIN_SCORECARDS_FOR_Z = 3;

    private Normalisation() {
    }

    /** Count, mean, population sd and "all identical" flag of a set of totals (a juror's or the competition's). */
    public record Scale(int count, double mean, double sd, boolean flat) {

        public static Scale of(double[] values) {
            double[] sorted = Stats.sortedCopy(values);
            return new Scale(sorted.length, Stats.mean(sorted), Stats.populationSd(sorted),
                    sorted[0] == sorted[sorted.length - 1]);
        }
    }

    /**
     * The Z_SCORE value of one total given its juror's scale and the competition scale, including the fallbacks.
     * Exposed so that an SQL implementation can be cross-checked against exactly this formula.
     */
    public static double zValue(double total, Scale juror, Scale competition) {
        if (juror.count() < MIN_SCORECARDS_FOR_Z || juror.flat() || competition.flat()) {
            return total;
        }
        double z = (total - juror.mean()) / juror.sd();
        return competition.mean() + competition.sd() * z;
    }

    /**
     * Normalises every total; output is in input order and each value depends only on the set of totals, never on
     * their order.
     *
     * @throws IllegalArgumentException if a juror has two totals for the same entry
     */
    public static List<NormalisedTotal> normalise(List<JurorTotal> totals, NormalisationMethod method) {
        Map<Long, JurorBag> byJuror = new HashMap<>();
        for (JurorTotal t : totals) {
            byJuror.computeIfAbsent(t.jurorId(), j -> new JurorBag()).add(t);
        }
        byJuror.forEach(Normalisation::rejectDuplicates);
        List<NormalisedTotal> out = new ArrayList<>(totals.size());
        if (method == NormalisationMethod.RAW_MEAN || totals.isEmpty()) {
            for (JurorTotal t : totals) {
                out.add(new NormalisedTotal(t.jurorId(), t.entryId(), t.total(), t.total()));
            }
            return out;
        }
        Map<Long, Scale> jurorScales = new HashMap<>(byJuror.size() * 2);
        byJuror.forEach((juror, bag) -> jurorScales.put(juror, Scale.of(bag.totals.sorted())));
        double[] all = new double[totals.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = totals.get(i).total();
        }
        Scale competition = Scale.of(all);
        for (JurorTotal t : totals) {
            double v = zValue(t.total(), jurorScales.get(t.jurorId()), competition);
            out.add(new NormalisedTotal(t.jurorId(), t.entryId(), t.total(), v));
        }
        return out;
    }

    private static void rejectDuplicates(long juror, JurorBag bag) {
        long[] ids = Arrays.copyOf(bag.entryIds, bag.size);
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException(
                        "juror " + juror + " has more than one total for entry " + ids[i]);
            }
        }
    }

    private static final class JurorBag {
        private final DoubleBag totals = new DoubleBag();
        private long[] entryIds = new long[8];
        private int size;

        void add(JurorTotal t) {
            if (size == entryIds.length) {
                entryIds = Arrays.copyOf(entryIds, size * 2);
            }
            entryIds[size++] = t.entryId();
            totals.add(t.total());
        }
    }
}
