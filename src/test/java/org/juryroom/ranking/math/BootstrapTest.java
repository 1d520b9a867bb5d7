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

    /**
     * The rounds run in parallel slices (one below 100 rounds, more from 100 on): whatever the slicing,
     * round r is counted exactly once. With one more round every count grows by 0 or 1 and exactly
     * {@code topN} of them grow, so the counts are the sum of the single rounds.
     */
    @Test
    void eachRoundCountedOnceWhateverTheSlices() {
        Map<Long, double[]> values = randomCompetition(new Random(5), 60);
        Map<Long, String> codes = codes(values);
        Map<Long, Long> before = null;
        for (int rounds = 95; rounds <= 205; rounds++) {
            Map<Long, Double> p = Bootstrap.simulate(values, codes, 0, 7, new BootstrapParams(rounds, 17));
            Map<Long, Long> counts = new HashMap<>();
            int r = rounds;
            p.forEach((id, x) -> counts.put(id, Math.round(x * r)));
            if (before != null) {
                Map<Long, Long> last = before;
                List<Long> grew = counts.keySet().stream().filter(id -> counts.get(id) - last.get(id) == 1).toList();
                assertThat(counts.keySet()).allMatch(id -> counts.get(id) - last.get(id) >= 0
                        && counts.get(id) - last.get(id) <= 1);
                assertThat(grew).as("round %d", rounds - 1).hasSize(7);
            }
            before = counts;
        }
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
        // X and Y have the same values; N = 1. X is in exactly when its round mean is at least Y's (an exact tie
        // goes to the lower code X), so P(X) = 1/2 + P(tie)/2 with P(tie) = sum over s of P(resample sum = s)^2.
        double[] v = {10, 37, 52, 68, 91};
        Map<Long, double[]> values = Map.of(1L, v.clone(), 2L, v.clone(), 3L, new double[] {1, 2, 3});
        Map<Long, String> codes = Map.of(1L, "X", 2L, "Y", 3L, "Z");
        BootstrapParams params = BootstrapParams.withSeed(2024);
        Map<Long, Double> p = Bootstrap.probabilities(values, codes, 1, params);

        // Round by round with the same draws: X's count is its wins plus the ties, and ties do occur.
        Bootstrap.Candidates both = new Bootstrap.Candidates(Map.of(1L, v, 2L, v), codes, params.seed());
        int x = both.ids[0] == 1L ? 0 : 1;
        int xWins = 0;
        int ties = 0;
        for (int round = 0; round < params.rounds(); round++) {
            long kx = both.roundKey(x, round, Bootstrap.OUT);
            long ky = both.roundKey(1 - x, round, Bootstrap.OUT);
            xWins += kx > ky ? 1 : 0;
            ties += kx == ky ? 1 : 0;
        }
        assertThat(ties).isPositive();
        assertThat(p.get(1L)).isEqualTo((double) (xWins + ties) / params.rounds());
        assertThat(p.get(2L)).isEqualTo(1.0 - p.get(1L));
        assertThat(p.get(3L)).isEqualTo(0.0);

        // And the share is what the resampling distribution says, within 4 standard errors of 1,000 rounds.
        Map<Integer, Double> sumDistribution = new HashMap<>();
        for (int seq = 0; seq < Math.pow(v.length, v.length); seq++) {
            int sum = 0;
            for (int k = 0, rest = seq; k < v.length; k++, rest /= v.length) {
                sum += (int) v[rest % v.length];
            }
            sumDistribution.merge(sum, Math.pow(v.length, -v.length), Double::sum);
        }
        double pTie = sumDistribution.values().stream().mapToDouble(q -> q * q).sum();
        double expected = 0.5 + pTie / 2;
        assertThat(p.get(1L)).isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / params.rounds())));
        assertThat((double) ties / params.rounds()).isCloseTo(pTie, within(4 * Math.sqrt(pTie / params.rounds())));
    }

    @Test
    void prunedSimulationEqualsNaiveSimulation() {
        // Every entry's mean in every round, all sorted (key, then code, then id), first `slots` in: the definition,
        // with the same draws. simulate visits entries by maximum and stops early; it must never change a count.
        Random rnd = new Random(77);
        for (int c = 0; c < 400; c++) {
            int entries = 1 + rnd.nextInt(30);
            boolean coarse = rnd.nextBoolean();
            Map<Long, double[]> values = new HashMap<>();
            Map<Long, String> codes = new HashMap<>();
            for (int e = 0; e < entries; e++) {
                long id = 1 + rnd.nextInt(1000);
                double[] v = new double[1 + rnd.nextInt(6)];
                double level = rnd.nextDouble() * 100;
                for (int k = 0; k < v.length; k++) {
                    v[k] = coarse ? 50 + rnd.nextInt(4)
                            : Math.round(Math.max(0, Math.min(100, level + rnd.nextGaussian() * 15)) * 10) / 10.0;
                }
                values.put(id, v);
                codes.put(id, "C" + rnd.nextInt(entries / 2 + 1)); // shared codes fall back to the id
            }
            int topN = rnd.nextInt(values.size() + 3);
            int surelyIn = rnd.nextInt(topN + 1);
            BootstrapParams params = new BootstrapParams(1 + rnd.nextInt(60), rnd.nextLong());
            assertThat(Bootstrap.simulate(values, codes, surelyIn, topN, params))
                    .as("case %d", c).isEqualTo(naive(values, codes, topN - surelyIn, params));
        }
    }

    private static Map<Long, Double> naive(Map<Long, double[]> values, Map<Long, String> codes, int slots,
                                           BootstrapParams params) {
        Bootstrap.Candidates cs = new Bootstrap.Candidates(values, codes, params.seed());
        int[] inCount = new int[cs.size()];
        for (int round = 0; round < params.rounds(); round++) {
            long[] keys = new long[cs.size()];
            List<Integer> all = new java.util.ArrayList<>();
            for (int o = 0; o < cs.size(); o++) {
                keys[o] = cs.roundKey(o, round, Bootstrap.OUT);
                all.add(o);
            }
            all.sort(java.util.Comparator.comparingLong((Integer o) -> -keys[o])
                    .thenComparing(o -> codes.get(cs.ids[o])).thenComparingLong(o -> cs.ids[o]));
            all.subList(0, Math.max(0, Math.min(slots, all.size()))).forEach(o -> inCount[o]++);
        }
        Map<Long, Double> p = new HashMap<>();
        for (int o = 0; o < cs.size(); o++) {
            p.put(cs.ids[o], (double) inCount[o] / params.rounds());
        }
        return p;
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
