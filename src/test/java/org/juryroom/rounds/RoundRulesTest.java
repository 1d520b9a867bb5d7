package org.juryroom.rounds;

import org.juryroom.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoundRulesTest {

    private static RoundRules.Spec screening(Integer k, Integer quorum, Integer top) {
        return new RoundRules.Spec(null, RoundKind.SCREENING, "Screening", k, quorum, top, null, null, null);
    }

    private static final RoundRules.Spec RUBRIC = new RoundRules.Spec(null, RoundKind.RUBRIC, "Rubric", 3, null, null,
            null, null, null);

    private static RoundRules.Spec fin(Integer places, Integer mentions) {
        return new RoundRules.Spec(null, RoundKind.FINAL, "Final", null, null, null, places, mentions, null);
    }

    private static List<String> fields(List<RoundRules.Spec> rounds) {
        return RoundRules.violations(rounds, 10).stream().map(Problem.Violation::field).toList();
    }

    @Test
    void screeningRubricFinalInThatOrderIsValid() {
        assertThat(fields(List.of(screening(2, 1, null), screening(3, null, 500), RUBRIC, fin(3, 2)))).isEmpty();
        assertThat(fields(List.of(RUBRIC))).isEmpty();
    }

    @Test
    void exactlyOneRubricWithScreeningBeforeAndFinalAfter() {
        assertThat(fields(List.of())).containsExactly("rounds");
        assertThat(fields(List.of(screening(2, 1, null)))).containsExactly("rounds");
        assertThat(fields(List.of(RUBRIC, RUBRIC))).containsExactly("rounds[1].kind");
        assertThat(fields(List.of(RUBRIC, screening(2, 1, null)))).containsExactly("rounds[1].kind");
        assertThat(fields(List.of(fin(3, 0), RUBRIC))).containsExactly("rounds[0].kind");
        assertThat(fields(List.of(RUBRIC, fin(3, 0), fin(1, 0)))).containsExactly("rounds[2].kind");
    }

    @Test
    void eachKindTakesExactlyItsOwnSettings() {
        assertThat(fields(List.of(screening(2, 3, null), RUBRIC))).containsExactly("rounds[0].quorum");
        assertThat(fields(List.of(screening(2, 1, 10), RUBRIC))).containsExactly("rounds[0].quorum");
        assertThat(fields(List.of(screening(2, null, null), RUBRIC))).containsExactly("rounds[0].quorum");
        assertThat(fields(List.of(screening(null, 1, null), RUBRIC))).containsExactly("rounds[0].jurorsPerEntry");
        assertThat(fields(List.of(screening(2, null, 0), RUBRIC))).containsExactly("rounds[0].advanceTop");
        assertThat(fields(List.of(new RoundRules.Spec(null, RoundKind.RUBRIC, "R", 3, 1, null, 3, null, null))))
                .containsExactly("rounds[0].quorum", "rounds[0].places");
        assertThat(fields(List.of(RUBRIC, fin(null, null)))).containsExactly("rounds[1].places");
        assertThat(fields(List.of(RUBRIC, fin(8, 3)))).containsExactly("rounds[1].places");
        assertThat(fields(List.of(new RoundRules.Spec(null, RoundKind.RUBRIC, " ", 51, null, null, null, null, null))))
                .containsExactly("rounds[0].name", "rounds[0].jurorsPerEntry");
    }

    @Test
    void aStoredRoundListedTwiceIsRefusedNotSavedOnce() {
        RoundRules.Spec kept = new RoundRules.Spec(7L, RoundKind.SCREENING, "S", 2, 1, null, null, null, null);
        assertThat(fields(List.of(kept, kept, RUBRIC))).containsExactly("rounds[1].id");
        assertThat(fields(List.of(kept, screening(2, 1, null), RUBRIC))).isEmpty();
    }

    @Test
    void aClosingTimeSetOrChangedToThePastIsRefusedButOneKeptStaysValid() {
        java.time.Instant now = java.time.Instant.parse("2026-06-01T10:00:00Z");
        java.time.Instant past = now.minusSeconds(3600);
        java.time.Instant kept = now.minusSeconds(86400).plusSeconds(17);
        RoundRules.Spec added = new RoundRules.Spec(null, RoundKind.RUBRIC, "R", null, null, null, null, null, past);
        RoundRules.Spec changed = new RoundRules.Spec(3L, RoundKind.RUBRIC, "R", null, null, null, null, null, past);
        RoundRules.Spec sentBack = new RoundRules.Spec(3L, RoundKind.RUBRIC, "R", null, null, null, null, null,
                kept.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        RoundRules.Spec later = new RoundRules.Spec(null, RoundKind.RUBRIC, "R", null, null, null, null, null,
                now.plusSeconds(60));
        java.util.Map<Long, java.time.Instant> stored = java.util.Map.of(3L, kept);
        assertThat(RoundRules.pastClosingTimes(List.of(added), stored, now)).extracting(Problem.Violation::field)
                .containsExactly("rounds[0].closesAt");
        assertThat(RoundRules.pastClosingTimes(List.of(changed), stored, now)).hasSize(1);
        assertThat(RoundRules.pastClosingTimes(List.of(sentBack), stored, now)).isEmpty();
        assertThat(RoundRules.pastClosingTimes(List.of(later), stored, now)).isEmpty();
    }
}
