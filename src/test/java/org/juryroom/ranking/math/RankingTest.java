package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final double EPS = 1e-9;
    private static final double R700 = Math.sqrt(700);

    @Test
    void harshAndLenientCompetitionEndToEnd() {
        // Data and hand computation: NormalisationTest.harshAndLenient(). Codes: E1 "D", E2 "C", E3 "B", E4 "A".
        RankingResult result = Ranking.rank(NormalisationTest.harshAndLenient(), NormalisationTest.CODES,
                RankingParams.defaults(2).withBootstrap(BootstrapParams.withSeed(7)));

        assertThat(result.method()).isEqualTo(NormalisationMethod.Z_SCORE);
        assertThat(result.tieBreak()).isEqualTo(TieBreak.DESCRIPTION);
        assertThat(result.unscoredCount()).isZero();
        List<RankedRow> rows = result.rows();
        assertThat(rows).extracting(RankedRow::rank).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(RankedRow::entryId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows).extracting(RankedRow::code).containsExactly("D", "C", "B", "A");
        assertThat(rows.stream().mapToDouble(RankedRow::score).toArray())
                .containsExactly(new double[] {60 + R700, 60 + R700 / 2, 60 - R700 / 2, 60 - R700}, within(EPS));
        assertThat(rows).extracting(RankedRow::rawMean).containsExactly(50.0, 65.0, 55.0, 70.0);
        assertThat(rows).extracting(RankedRow::jurorCount).containsExactly(1, 2, 2, 1);
        // raw spreads: E2 |40-90| = 50, E3 |30-80| = 50; sd of two values = half the spread = 25
        assertThat(rows).extracting(RankedRow::spread).containsExactly(0.0, 50.0, 50.0, 0.0);
        assertThat(rows).extracting(RankedRow::stdDev).containsExactly(0.0, 25.0, 25.0, 0.0);
        assertThat(rows).extracting(RankedRow::flagged).containsExactly(false, true, true, false);
        assertThat(result.flaggedNearCut()).extracting(RankedRow::entryId).containsExactly(2L, 3L);

        // Bootstrap, N = 2. Values: E1 {86.46}, E2 {60, 86.46}, E3 {33.54, 60}, E4 {33.54}.
        //   E1 is surely in (only E2 can reach 86.46); E4 surely out (E1 and E2 never go below 60).
        //   E2 and E3 fight for one place: E2's mean >= 60 >= E3's mean, equality only when E2 draws 60 twice
        //   (1/4) and E3 draws 60 twice (1/4): P = 1/16, and the tie goes to E3's lower code "B".
        //   -> pTopN(E3) ~ 0.0625, pTopN(E2) ~ 0.9375.
        assertThat(rows.get(0).pTopN()).isEqualTo(1.0);
        assertThat(rows.get(3).pTopN()).isEqualTo(0.0);
        // Exactly the rounds in which both resample means are 60, with the same draws:
        Map<Long, double[]> values = Aggregation.valuesByEntry(
                Normalisation.normalise(NormalisationTest.harshAndLenient(), NormalisationMethod.Z_SCORE));
        Bootstrap.Candidates fight = new Bootstrap.Candidates(Map.of(2L, values.get(2L), 3L, values.get(3L)),
                NormalisationTest.CODES, 7);
        int e2 = fight.ids[0] == 2L ? 0 : 1;
        int bothSixty = 0;
        for (int round = 0; round < BootstrapParams.DEFAULT_ROUNDS; round++) {
            bothSixty += fight.roundKey(e2, round, Bootstrap.OUT) == TieBreak.key(values.get(2L)[0])
                    && fight.roundKey(1 - e2, round, Bootstrap.OUT) == TieBreak.key(values.get(3L)[1]) ? 1 : 0;
        }
        assertThat(rows.get(2).pTopN()).isEqualTo((double) bothSixty / BootstrapParams.DEFAULT_ROUNDS);
        assertThat(rows.get(2).pTopN()).isBetween(0.04, 0.09);
        assertThat(rows.get(1).pTopN() + rows.get(2).pTopN()).isEqualTo(1.0);
    }

    @Test
    void unscoredEntryIsNeverCountedAsZero() {
        // RAW_MEAN. Entry 1: juror 1 = 60, juror 2 = 80 -> 70. Entry 2: only juror 1 = 72 -> 72 (not (72+0)/2 = 36).
        // Entry 3: no scorecards -> not ranked, reported as unscored.
        List<JurorTotal> totals = List.of(new JurorTotal(1, 1, 60), new JurorTotal(2, 1, 80), new JurorTotal(1, 2, 72));
        Map<Long, String> codes = Map.of(1L, "A", 2L, "B", 3L, "C");
        RankingResult result = Ranking.rank(totals, codes,
                RankingParams.defaults(1).withMethod(NormalisationMethod.RAW_MEAN));
        assertThat(result.rows()).extracting(RankedRow::entryId).containsExactly(2L, 1L);
        assertThat(result.rows()).extracting(RankedRow::score).containsExactly(72.0, 70.0);
        assertThat(result.unscoredEntryIds()).containsExactly(3L);
        assertThat(result.unscoredCount()).isEqualTo(1);

        // Z_SCORE: an unscored entry does not enter M and S either; the ranking equals the one without it.
        RankingResult with = Ranking.rank(NormalisationTest.harshAndLenient(),
                withExtra(NormalisationTest.CODES, 5L, "E"), RankingParams.defaults(2));
        RankingResult without = Ranking.rank(NormalisationTest.harshAndLenient(), NormalisationTest.CODES,
                RankingParams.defaults(2));
        assertThat(with.rows()).isEqualTo(without.rows());
        assertThat(with.unscoredEntryIds()).containsExactly(5L);
    }

    @Test
    void scoreTieFromDataIsBrokenByMedian() {
        // RAW_MEAN. X (id 1, code "A"): 50, 50, 80 -> mean 60, median 50.
        //           Y (id 2, code "B"): 40, 70, 70 -> mean 60, median 70 -> Y first despite the later code.
        List<JurorTotal> totals = List.of(
                new JurorTotal(1, 1, 50), new JurorTotal(2, 1, 50), new JurorTotal(3, 1, 80),
                new JurorTotal(1, 2, 40), new JurorTotal(2, 2, 70), new JurorTotal(3, 2, 70));
        RankingResult result = Ranking.rank(totals, Map.of(1L, "A", 2L, "B"),
                RankingParams.defaults(1).withMethod(NormalisationMethod.RAW_MEAN).withoutBootstrap());
        assertThat(result.rows()).extracting(RankedRow::entryId).containsExactly(2L, 1L);
        assertThat(result.rows()).extracting(RankedRow::median).containsExactly(70.0, 50.0);
        assertThat(result.rows()).extracting(RankedRow::pTopN).containsOnlyNulls();
    }

    @Test
    void totalForUnknownEntryIsRejected() {
        assertThatThrownBy(() -> Ranking.rank(List.of(new JurorTotal(1, 99, 50)), Map.of(1L, "A"),
                RankingParams.defaults(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    }

    @Test
    void emptyCompetition() {
        RankingResult result = Ranking.rank(List.of(), Map.of(1L, "A", 2L, "B"), RankingParams.defaults(1));
        assertThat(result.rows()).isEmpty();
        assertThat(result.unscoredEntryIds()).containsExactly(1L, 2L);
    }

    /** Feasibility check, not a performance assertion: prints how long 100,000 entries x 5 totals take. */
    @Test
    void hundredThousandEntriesMicroCheck() {
        int entries = 100_000;
        int jurors = 2_000;
        Random rnd = new Random(1);
        double[] bias = new double[jurors];
        for (int j = 0; j < jurors; j++) {
            bias[j] = rnd.nextGaussian() * 8;
        }
        List<JurorTotal> totals = new ArrayList<>(entries * 5);
        Map<Long, String> codes = new HashMap<>(entries * 2);
        for (long e = 1; e <= entries; e++) {
            codes.put(e, String.format("E-%06d", e));
            double quality = 60 + rnd.nextGaussian() * 12;
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < 5) {
                chosen.add(rnd.nextInt(jurors));
            }
            for (int j : chosen) {
                double t = Math.min(100, Math.max(0, quality + bias[j] + rnd.nextGaussian() * 6));
                totals.add(new JurorTotal(j, e, Math.round(t * 100) / 100.0));
            }
        }
        RankingParams params = RankingParams.defaults(25); // Z_SCORE, 1000 rounds

        long t0 = System.nanoTime();
        RankingResult result = Ranking.rank(totals, codes, params);
        long facadeMs = (System.nanoTime() - t0) / 1_000_000;

        // The at-scale path: aggregated values in, partition + simulate only.
        Map<Long, double[]> values = Aggregation.valuesByEntry(Normalisation.normalise(totals, params.method()));
        long t1 = System.nanoTime();
        CutPartition cut = Bootstrap.partition(values, 25);
        Map<Long, double[]> candidates = new HashMap<>();
        cut.candidates().forEach(id -> candidates.put(id, values.get(id)));
        Bootstrap.simulate(candidates, codes, cut.surelyIn().size(), 25, params.bootstrap());
        long bootstrapMs = (System.nanoTime() - t1) / 1_000_000;

        System.out.printf("100k x 5 micro-check: facade rank() %d ms; partition+simulate %d ms "
                        + "(surely in %d, candidates %d, surely out %d)%n",
                facadeMs, bootstrapMs, cut.surelyIn().size(), cut.candidates().size(), cut.surelyOut().size());
        assertThat(result.rows()).hasSize(entries);
        assertThat(result.shortlist()).hasSize(25);
        assertThat(result.rows().stream().mapToDouble(RankedRow::pTopN).sum()).isCloseTo(25.0, within(1e-6));
    }

    private static Map<Long, String> withExtra(Map<Long, String> codes, long id, String code) {
        Map<Long, String> m = new HashMap<>(codes);
        m.put(id, code);
        return m;
    }
}
