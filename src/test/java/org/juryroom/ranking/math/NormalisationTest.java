package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static final double EPS = 1e-9;
    private static final double R700 = Math.sqrt(700);

    /**
     * Harsh juror 1 scores E1, E2, E3 = 50, 40, 30. Lenient juror 2 scores E2, E3, E4 = 90, 80, 70.
     * Both agree on the order E1 > E2 > E3 > E4, but only overlap on E2, E3.
     */
    static List<JurorTotal> harshAndLenient() {
        return List.of(
                new JurorTotal(1, 1, 50), new JurorTotal(1, 2, 40), new JurorTotal(1, 3, 30),
                new JurorTotal(2, 2, 90), new JurorTotal(2, 3, 80), new JurorTotal(2, 4, 70));
    }

    static final Map<Long, String> CODES = Map.of(1L, "D", 2L, "C", 3L, "B", 4L, "A");

    @Test
    void rawMeanDistortsTheOrderAndZScoreRestoresIt() {
        // RAW_MEAN: E1 = 50, E2 = (40+90)/2 = 65, E3 = (30+80)/2 = 55, E4 = 70 -> E4, E2, E3, E1 (wrong: E4 is the
        // lenient juror's worst and E1 the harsh juror's best).
        List<EntryStats> raw = TieBreak.order(Aggregation.aggregate(
                Normalisation.normalise(harshAndLenient(), NormalisationMethod.RAW_MEAN), CODES));
        assertThat(raw).extracting(EntryStats::entryId).containsExactly(4L, 2L, 3L, 1L);

        // Z_SCORE by hand:
        //   juror 1: mean 40, sd = sqrt((100+0+100)/3) = sqrt(200/3); z = +sqrt(1.5), 0, -sqrt(1.5)
        //   juror 2: mean 80, same sd;                                z = +sqrt(1.5), 0, -sqrt(1.5)
        //   all totals 50,40,30,90,80,70: M = 60, S^2 = (100+400+900+900+400+100)/6 = 1400/3
        //   S * sqrt(1.5) = sqrt(1400/3 * 3/2) = sqrt(700) = 26.4575...
        //   E1 = 60 + sqrt700 = 86.46;  E2 = mean(60, 60 + sqrt700) = 60 + sqrt700/2 = 73.23
        //   E3 = mean(60 - sqrt700, 60) = 60 - sqrt700/2 = 46.77;  E4 = 60 - sqrt700 = 33.54
        List<NormalisedTotal> z = Normalisation.normalise(harshAndLenient(), NormalisationMethod.Z_SCORE);
        assertThat(z.stream().mapToDouble(NormalisedTotal::value).toArray()).containsExactly(
                new double[] {60 + R700, 60.0, 60 - R700, 60 + R700, 60.0, 60 - R700}, within(EPS));
        List<EntryStats> ordered = TieBreak.order(Aggregation.aggregate(z, CODES));
        assertThat(ordered).extracting(EntryStats::entryId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(ordered.stream().mapToDouble(EntryStats::score).toArray()).containsExactly(
                new double[] {60 + R700, 60 + R700 / 2, 60 - R700 / 2, 60 - R700}, within(EPS));
    }

    @Test
    void jurorWithFewerThanThreeScorecardsAndFlatJurorFallBackToRaw() {
        // Juror A: E1 40, E2 50, E3 60 (standardised)
        // Juror B: E1 70, E2 20         (2 scorecards -> raw)
        // Juror C: E1 55, E2 55, E3 55  (sd 0 -> raw)
        List<JurorTotal> totals = List.of(
                new JurorTotal(10, 1, 40), new JurorTotal(10, 2, 50), new JurorTotal(10, 3, 60),
                new JurorTotal(20, 1, 70), new JurorTotal(20, 2, 20),
                new JurorTotal(30, 1, 55), new JurorTotal(30, 2, 55), new JurorTotal(30, 3, 55));
        // Competition over all 8 totals: M = 405/8 = 50.625
        //   deviations^2: 112.890625, 0.390625, 87.890625, 375.390625, 937.890625, 3 x 19.140625 -> sum 1571.875
        //   S^2 = 1571.875 / 8 = 196.484375
        // Juror A: mean 50, sd sqrt(200/3), z = -sqrt(1.5), 0, +sqrt(1.5)
        //   S * sqrt(1.5) = sqrt(196.484375 * 1.5) = sqrt(294.7265625) = 17.1676...
        double d = Math.sqrt(294.7265625);
        List<NormalisedTotal> z = Normalisation.normalise(totals, NormalisationMethod.Z_SCORE);
        assertThat(z.stream().mapToDouble(NormalisedTotal::value).toArray()).containsExactly(
                new double[] {50.625 - d, 50.625, 50.625 + d, 70.0, 20.0, 55.0, 55.0, 55.0}, within(EPS));
        assertThat(z).extracting(NormalisedTotal::raw).containsExactly(40.0, 50.0, 60.0, 70.0, 20.0, 55.0, 55.0, 55.0);
    }

    @Test
    void flatCompetitionFallsBackToRaw() {
        // S == 0 means every total is equal, so value = t (and also every juror is flat).
        Normalisation.Scale juror = new Normalisation.Scale(3, 50, 10, false);
        Normalisation.Scale flat = new Normalisation.Scale(9, 70, 0, true);
        assertThat(Normalisation.zValue(65, juror, flat)).isEqualTo(65.0);

        List<JurorTotal> totals = List.of(
                new JurorTotal(1, 1, 70), new JurorTotal(1, 2, 70), new JurorTotal(1, 3, 70),
                new JurorTotal(2, 1, 70), new JurorTotal(2, 2, 70), new JurorTotal(2, 3, 70));
        assertThat(Normalisation.normalise(totals, NormalisationMethod.Z_SCORE))
                .extracting(NormalisedTotal::value).containsOnly(70.0);
    }

    @Test
    void zValueFormula() {
        // t = 65, juror mean 50 sd 10 -> z = 1.5; competition M = 60, S = 20 -> 60 + 20*1.5 = 90
        Normalisation.Scale juror = new Normalisation.Scale(4, 50, 10, false);
        Normalisation.Scale comp = new Normalisation.Scale(40, 60, 20, false);
        assertThat(Normalisation.zValue(65, juror, comp)).isEqualTo(90.0);
        // same juror with only 2 scorecards -> raw
        assertThat(Normalisation.zValue(65, new Normalisation.Scale(2, 50, 10, false), comp)).isEqualTo(65.0);
        // Scale.of: 40, 50, 60 -> mean 50, population sd sqrt(200/3)
        Normalisation.Scale s = Normalisation.Scale.of(new double[] {60, 40, 50});
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(50.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(200.0 / 3), within(EPS));
        assertThat(s.flat()).isFalse();
    }

    @Test
    void rawMeanMethodKeepsTotals() {
        assertThat(Normalisation.normalise(harshAndLenient(), NormalisationMethod.RAW_MEAN))
                .allSatisfy(t -> assertThat(t.value()).isEqualTo(t.raw()));
    }

    @Test
    void valuesDoNotDependOnInputOrder() {
        Random rnd = new Random(7);
        List<JurorTotal> totals = new ArrayList<>();
        for (int j = 1; j <= 6; j++) {
            for (int e = 1; e <= 15; e++) {
                if (rnd.nextInt(3) > 0) {
                    totals.add(new JurorTotal(j, e, rnd.nextInt(10_000) / 100.0));
                }
            }
        }
        Map<String, Double> reference = valuesByKey(Normalisation.normalise(totals, NormalisationMethod.Z_SCORE));
        for (int i = 0; i < 10; i++) {
            List<JurorTotal> shuffled = new ArrayList<>(totals);
            Collections.shuffle(shuffled, rnd);
            // exact equality, not just close: order must not even change the last bit
            assertThat(valuesByKey(Normalisation.normalise(shuffled, NormalisationMethod.Z_SCORE)))
                    .isEqualTo(reference);
        }
    }

    @Test
    void duplicateScorecardIsRejected() {
        List<JurorTotal> totals = List.of(new JurorTotal(1, 1, 50), new JurorTotal(1, 1, 60));
        assertThatThrownBy(() -> Normalisation.normalise(totals, NormalisationMethod.Z_SCORE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one");
    }

    private static Map<String, Double> valuesByKey(List<NormalisedTotal> totals) {
        Map<String, Double> m = new HashMap<>();
        totals.forEach(t -> m.put(t.jurorId() + "/" + t.entryId(), t.value()));
        return m;
    }
}
