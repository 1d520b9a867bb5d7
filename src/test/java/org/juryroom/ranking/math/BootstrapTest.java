package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static Map<Long, String> codes(Map<Long, double[]> values) {
        Map<Long, String> codes = new HashMap<>();
        values.keySet().forEach(id -> codes.put(id, String.format("C%05d", id)));
        return codes;
    }

    @Test
    void partitionByHand() {
        // N = 2.
        // A [90,95]: nobody's min > 95 (0 always above); nobody else's max >= 90 (0 may beat)  -> IN
        // B [80,85]: A's min 90 > 85 (1 always above);  A 95, C 82 reach 80 (2 may beat)     -> candidate
        // C [70,82]: A's min 90 > 82 (1; B's min 80 is not > 82); A, B, D(75) reach 70 (3)  -> candidate
        // D [60,75]: A's 90 and B's 80 > 75 (2 always above >= N)                             -> OUT
        // E [10,20]: OUT
        List<EntryRange> ranges = List.of(
                new EntryRange(1, 90, 95), new EntryRange(2, 80, 85), new EntryRange(3, 70, 82),
                new EntryRange(4, 60, 75), new EntryRange(5, 10, 20));
        CutPartition cut = Bootstrap.partition(ranges, 2);
        assertThat(cut.surelyIn()).containsExactly(1L);
        assertThat(cut.candidates()).containsExactly(2L, 3L);
        assertThat(cut.surelyOut()).containsExactly(4L, 5L);
        assertThat(cut.openSlots()).isEqualTo(1);
    }

    @Test
    void touchingRangesAreNeverDecidedByTheShortcut() {
        // F [50,60] and G [60,70], N = 1: both can reach exactly 60 and then the code decides, so G does not
        // "always" beat F and F is not surely out. Same within floating-point dust (2 quanta of 1e-9).
        assertThat(Bootstrap.partition(List.of(new EntryRange(1, 50, 60), new EntryRange(2, 60, 70)), 1).candidates())
                .containsExactly(1L, 2L);
        assertThat(Bootstrap.partition(List.of(new EntryRange(1, 50, 60), new EntryRange(2, 60 + 1e-9, 70)), 1)
                .candidates()).containsExactly(1L, 2L);
        // clearly separated -> decided
        CutPartition cut = Bootstrap.partition(List.of(new EntryRange(1, 50, 60), new EntryRange(2, 60.001, 70)), 1);
        assertThat(cut.surelyIn()).containsExactly(2L);
        assertThat(cut.surelyOut()).containsExactly(1L);
    }

    @Test
    void deterministicForASeed() {
        Map<Long, double[]> values = randomCompetition(new Random(3), 40);
        Map<Long, String> codes = codes(values);
        BootstrapParams p = new BootstrapParams(500, 99);
        Map<Long, Double> first = Bootstrap.probabilities(values, codes, 5, p);
        assertThat(Bootstrap.probabilities(values, codes, 5, p)).isEqualTo(first);
        // insertion order of the map is irrelevant
        Map<Long, double[]> reversed = new LinkedHashMap<>();
        values.keySet().stream().sorted((a, b) -> Long.compare(b, a)).forEach(id -> reversed.put(id, values.get(id)));
        assertThat(Bootstrap.probabilities(reversed, codes, 5, p)).isEqualTo(first);
        // and a different seed gives different (but similar) numbers
        assertThat(Bootstrap.probabilities(values, codes, 5, new BootstrapParams(500, 100))).isNotEqualTo(first);
    }

    @Test
    void entryFarAboveIsAlwaysInAndFarBelowAlwaysOut() {
        Map<Long, double[]> values = new HashMap<>();
        values.put(1L, new double[] {95, 95, 95});   // all equal, far above
        values.put(2L, new double[] {40, 55, 70});
        values.put(3L, new double[] {45, 50, 65});
        values.put(4L, new double[] {35, 60, 62});
        values.put(5L, new double[] {5, 5, 5});      // all equal, far below
        Map<Long, String> codes = codes(values);
        for (Map<Long, Double> p : List.of(
                Bootstrap.probabilities(values, codes, 2, BootstrapParams.withSeed(5)),
                Bootstrap.fullSimulation(values, codes, 2, BootstrapParams.withSeed(5)))) {
            assertThat(p.get(1L)).isEqualTo(1.0);
            assertThat(p.get(5L)).isEqualTo(0.0);
            // the three middle entries share the one remaining place in every round
            assertThat(p.get(2L) + p.get(3L) + p.get(4L)).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void twoIdenticalEntriesAtTheCutSplitRoughlyEvenly() {
        // X and Y have the same values; N = 1. By symmetry each wins ~half the rounds; exact ties of the resampled
        // mean (same multiset drawn) go to the lower code X, so X gets slightly more than half.
        double[] v = {10, 37, 52, 68, 91};
        Map<Long, double[]> values = Map.of(1L, v.clone(), 2L, v.clone(), 3L, new double[] {1, 2, 3});
        Map<Long, String> codes = Map.of(1L, "X", 2L, "Y", 3L, "Z");
        Map<Long, Double> p = Bootstrap.probabilities(values, codes, 1, BootstrapParams.withSeed(2024));
        assertThat(p.get(1L)).isEqualTo(0.515);   // exact for seed 2024 and these ids
        assertThat(p.get(2L)).isEqualTo(0.485);
        assertThat(p.get(1L)).isBetween(0.4, 0.6);
        assertThat(p.get(2L)).isBetween(0.4, 0.6);
        assertThat(p.get(1L) + p.get(2L)).isEqualTo(1.0);
        assertThat(p.get(3L)).isEqualTo(0.0);
    }

    @Test
    void shortcutEqualsFullSimulationOnRandomData() {
        // Realistic data (3 leaders, spread-out qualities) and tie-heavy data (1-3 integer values in 50..60, so
        // ranges touch everywhere and extreme resamples are likely): any over-eager shortcut shows up here.
        for (Map<Long, double[]> values : List.of(
                randomCompetition(new Random(20240601), 100), coarseCompetition(new Random(11), 100))) {
            Map<Long, String> codes = codes(values);
            for (long seed : new long[] {1, 42}) {
                BootstrapParams params = BootstrapParams.withSeed(seed);
                for (int n : new int[] {0, 1, 5, 10, 25, 50, 99, 100, 150}) {
                    Map<Long, Double> shortcut = Bootstrap.probabilities(values, codes, n, params);
                    Map<Long, Double> full = Bootstrap.fullSimulation(values, codes, n, params);
                    assertThat(shortcut).as("seed %d, N %d", seed, n).isEqualTo(full);
                    // every round puts exactly min(N, entries) entries in
                    double sum = shortcut.values().stream().mapToDouble(Double::doubleValue).sum();
                    assertThat(sum).isCloseTo(Math.min(n, values.size()), within(1e-9));
                }
            }
        }
        // the shortcut actually skipped work on the realistic data, so the equality above is meaningful
        CutPartition cut = Bootstrap.partition(randomCompetition(new Random(20240601), 100), 10);
        assertThat(cut.surelyIn()).isNotEmpty();
        assertThat(cut.surelyOut()).hasSizeGreaterThan(50);
        assertThat(cut.candidates()).isNotEmpty().hasSizeLessThan(40);
        CutPartition coarse = Bootstrap.partition(coarseCompetition(new Random(11), 100), 10);
        assertThat(coarse.surelyOut()).isNotEmpty();
    }

    @Test
    void simulateRejectsInconsistentCounts() {
        Map<Long, double[]> values = Map.of(1L, new double[] {1});
        assertThatThrownBy(() -> Bootstrap.simulate(values, Map.of(1L, "A"), 3, 2, BootstrapParams.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Entries with 3..7 values around a quality level (entries 1..3 are clear leaders at about 97), one decimal
     * place (so equal values occur), the last 10
     * entries exact copies of the first 10 (so tied round means occur and the code tie-break is exercised), plus a
     * few single-value entries.
     */
    static Map<Long, double[]> randomCompetition(Random rnd, int n) {
        Map<Long, double[]> values = new HashMap<>();
        for (long id = 1; id <= n; id++) {
            if (id > n - 10) {
                values.put(id, values.get(id - (n - 10)).clone());
                continue;
            }
            int count = id % 17 == 0 ? 1 : 3 + rnd.nextInt(5);
            boolean star = id <= 3;
            double quality = star ? 97 : 20 + rnd.nextDouble() * 60;
            double noise = star ? 1 : 8;
            double[] v = new double[count];
            for (int k = 0; k < count; k++) {
                v[k] = Math.round(Math.min(100, Math.max(0, quality + rnd.nextGaussian() * noise)) * 10) / 10.0;
            }
            values.put(id, v);
        }
        return values;
    }

    /** 1..3 integer values in 50..60 (one entry far above, one far below): lots of touching ranges and ties. */
    static Map<Long, double[]> coarseCompetition(Random rnd, int n) {
        Map<Long, double[]> values = new HashMap<>();
        for (long id = 1; id <= n; id++) {
            double[] v = new double[1 + rnd.nextInt(3)];
            int base = 50 + rnd.nextInt(8);
            for (int k = 0; k < v.length; k++) {
                v[k] = id == 1 ? 90 : id == 2 ? 10 : base + rnd.nextInt(3);
            }
            values.put(id, v);
        }
        return values;
    }
}
