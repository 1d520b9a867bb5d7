package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardsTest {

    // Weights 40/30/20/10 on deliberately different scales.
    private static final List<Criterion> RUBRIC = List.of(
            new Criterion("IDEA", 40, 1, 10),
            new Criterion("EXEC", 30, 1, 10),
            new Criterion("PRES", 20, 0, 5),
            new Criterion("TEAM", 10, 1, 4));

    @Test
    void weightedTotalOfFourCriteria() {
        // IDEA 10 -> (10-1)/9 = 1      * 40 = 40
        // EXEC  4 -> (4-1)/9  = 1/3    * 30 = 10
        // PRES  3 -> (3-0)/5  = 0.6    * 20 = 12
        // TEAM  1 -> (1-1)/3  = 0      * 10 =  0
        // total = 100 * 62 / 100 = 62.0
        double total = Scorecards.weightedTotal(RUBRIC, Map.of("IDEA", 10, "EXEC", 4, "PRES", 3, "TEAM", 1));
        assertThat(total).isCloseTo(62.0, within(1e-9));
    }

    @Test
    void weightedTotalWithThirds() {
        // IDEA 7 -> 6/9 = 2/3; EXEC 7 -> 2/3; PRES 5 -> 1; TEAM 3 -> 2/3
        // 40*2/3 + 30*2/3 + 20*1 + 10*2/3 = 80*2/3 + 20 = 220/3 = 73.333...
        double total = Scorecards.weightedTotal(RUBRIC, Map.of("IDEA", 7, "EXEC", 7, "PRES", 5, "TEAM", 3));
        assertThat(total).isCloseTo(220.0 / 3.0, within(1e-9));
    }

    @Test
    void bottomAndTopOfEveryScaleGiveZeroAndHundred() {
        assertThat(Scorecards.weightedTotal(RUBRIC, Map.of("IDEA", 1, "EXEC", 1, "PRES", 0, "TEAM", 1)))
                .isEqualTo(0.0);
        assertThat(Scorecards.weightedTotal(RUBRIC, Map.of("IDEA", 10, "EXEC", 10, "PRES", 5, "TEAM", 4)))
                .isCloseTo(100.0, within(1e-9));
    }

    @Test
    void weightsNeedNotSumToHundred() {
        // weights 3 and 1: A at top (1.0), B at bottom (0.0) -> 100 * 3 / 4 = 75
        List<Criterion> rubric = List.of(new Criterion("A", 3, 0, 10), new Criterion("B", 1, 0, 10));
        assertThat(Scorecards.weightedTotal(rubric, Map.of("A", 10, "B", 0))).isCloseTo(75.0, within(1e-9));
    }

    @Test
    void validatorReportsMissingOutOfRangeAndUnknownTogether() {
        Map<String, Integer> scores = new HashMap<>();
        scores.put("IDEA", 11);  // above 1..10
        // EXEC missing
        scores.put("PRES", -1);  // below 0..5
        scores.put("TEAM", 2);   // fine
        scores.put("ZZZ", 5);    // unknown
        scores.put("AAA", 1);    // unknown

        assertThat(Scorecards.validate(RUBRIC, scores)).containsExactly(
                new Violation("IDEA", "score 11 outside 1..10"),
                new Violation("EXEC", "score missing"),
                new Violation("PRES", "score -1 outside 0..5"),
                new Violation("AAA", "unknown criterion"),
                new Violation("ZZZ", "unknown criterion"));
    }

    @Test
    void weightedTotalThrowsWithAllViolations() {
        ScorecardValidationException e = catchThrowableOfType(ScorecardValidationException.class,
                () -> Scorecards.weightedTotal(RUBRIC, Map.of("IDEA", 0, "PRES", 3, "TEAM", 1, "X", 1)));
        assertThat(e.violations()).extracting(Violation::criterion).containsExactly("IDEA", "EXEC", "X");
        assertThat(e).hasMessageContaining("IDEA").hasMessageContaining("EXEC").hasMessageContaining("X");
    }

    @Test
    void validScorecardHasNoViolationsAndBoundsAreInclusive() {
        assertThat(Scorecards.validate(RUBRIC, Map.of("IDEA", 1, "EXEC", 10, "PRES", 0, "TEAM", 4))).isEmpty();
    }

    @Test
    void brokenRubricIsRejected() {
        assertThatThrownBy(() -> new Criterion("A", 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Criterion("A", -1, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Criterion("A", 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scorecards.validate(
                List.of(new Criterion("A", 1, 0, 1), new Criterion("A", 2, 0, 1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Scorecards.validate(List.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
