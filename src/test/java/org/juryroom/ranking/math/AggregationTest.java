package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final double EPS = 1e-9;

    @Test
    void statsPerEntryFromRawTotals() {
        // Entry 1 (odd/even check): 40, 70, 70, 100 -> mean 70, median (70+70)/2 = 70, spread 60,
        //   deviations -30, 0, 0, 30 -> sd = sqrt(1800/4) = sqrt(450)
        // Entry 2: 100, 40, 70, 60 (unsorted on purpose) -> sorted 40, 60, 70, 100: mean 67.5, median 65, spread 60,
        //   deviations -27.5, -7.5, 2.5, 32.5 -> 756.25+56.25+6.25+1056.25 = 1875 -> sd = sqrt(468.75)
        // Entry 3: 55, 65, 90 -> mean 70, median 65, spread 35, sd = sqrt((225+25+400)/3) = sqrt(650/3)
        List<JurorTotal> totals = List.of(
                new JurorTotal(1, 1, 40), new JurorTotal(2, 1, 70), new JurorTotal(3, 1, 70), new JurorTotal(4, 1, 100),
                new JurorTotal(1, 2, 100), new JurorTotal(2, 2, 40), new JurorTotal(3, 2, 70), new JurorTotal(4, 2, 60),
                new JurorTotal(1, 3, 55), new JurorTotal(2, 3, 65), new JurorTotal(3, 3, 90));
        List<EntryStats> stats = Aggregation.aggregate(
                Normalisation.normalise(totals, NormalisationMethod.RAW_MEAN), Map.of(1L, "X1", 2L, "X2", 3L, "X3"));

        assertThat(stats).hasSize(3);
        EntryStats e1 = stats.get(0);
        assertThat(e1.entryId()).isEqualTo(1L);
        assertThat(e1.code()).isEqualTo("X1");
        assertThat(e1.score()).isEqualTo(70.0);
        assertThat(e1.rawMean()).isEqualTo(70.0);
        assertThat(e1.median()).isEqualTo(70.0);
        assertThat(e1.jurorCount()).isEqualTo(4);
        assertThat(e1.spread()).isEqualTo(60.0);
        assertThat(e1.stdDev()).isCloseTo(Math.sqrt(450), within(EPS));

        EntryStats e2 = stats.get(1);
        assertThat(e2.score()).isEqualTo(67.5);
        assertThat(e2.median()).isEqualTo(65.0);
        assertThat(e2.spread()).isEqualTo(60.0);
        assertThat(e2.stdDev()).isCloseTo(Math.sqrt(468.75), within(EPS));

        EntryStats e3 = stats.get(2);
        assertThat(e3.score()).isEqualTo(70.0);
        assertThat(e3.median()).isEqualTo(65.0);
        assertThat(e3.jurorCount()).isEqualTo(3);
        assertThat(e3.spread()).isEqualTo(35.0);
        assertThat(e3.stdDev()).isCloseTo(Math.sqrt(650.0 / 3), within(EPS));
    }

    @Test
    void spreadAndStdDevUseRawTotalsWhileScoreAndMedianUseNormalisedValues() {
        // Harsh/lenient data (see NormalisationTest): entry 2 has raw 40 (harsh) and 90 (lenient)
        //   normalised 60 and 60 + sqrt700 -> score = median = 60 + sqrt700/2
        //   raw: mean 65, spread 50, sd 25
        List<EntryStats> stats = Aggregation.aggregate(
                Normalisation.normalise(NormalisationTest.harshAndLenient(), NormalisationMethod.Z_SCORE),
                NormalisationTest.CODES);
        EntryStats e2 = stats.get(1);
        assertThat(e2.entryId()).isEqualTo(2L);
        assertThat(e2.score()).isCloseTo(60 + Math.sqrt(700) / 2, within(EPS));
        assertThat(e2.median()).isCloseTo(60 + Math.sqrt(700) / 2, within(EPS));
        assertThat(e2.rawMean()).isEqualTo(65.0);
        assertThat(e2.spread()).isEqualTo(50.0);
        assertThat(e2.stdDev()).isEqualTo(25.0);
        assertThat(e2.jurorCount()).isEqualTo(2);
    }

    @Test
    void valuesByEntryAreSortedNormalisedValues() {
        Map<Long, double[]> v = Aggregation.valuesByEntry(List.of(
                new NormalisedTotal(1, 7, 10, 30), new NormalisedTotal(2, 7, 20, 10), new NormalisedTotal(3, 7, 30, 20)));
        assertThat(v).containsOnlyKeys(7L);
        assertThat(v.get(7L)).containsExactly(10, 20, 30);
    }

    @Test
    void scoredEntryWithoutCodeIsRejected() {
        List<NormalisedTotal> totals = List.of(new NormalisedTotal(1, 9, 50, 50));
        assertThatThrownBy(() -> Aggregation.aggregate(totals, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9");
    }
}
