package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TieBreakTest {

    private static EntryStats stats(long id, String code, double score, double median, int jurors) {
        return new EntryStats(id, code, score, score, median, jurors, 0, 0);
    }

    /** Asserts the expected order for the given list and for 50 shuffles of it. */
    private static void assertOrderIndependentOfInput(List<EntryStats> input, Long... expectedIds) {
        Random rnd = new Random(12345);
        List<EntryStats> shuffled = new ArrayList<>(input);
        for (int i = 0; i < 50; i++) {
            assertThat(TieBreak.order(shuffled)).extracting(EntryStats::entryId).containsExactly(expectedIds);
            Collections.shuffle(shuffled, rnd);
        }
    }

    @Test
    void higherScoreFirst() {
        // lower median, fewer jurors and a later code do not matter when scores differ
        assertOrderIndependentOfInput(List.of(
                stats(1, "A", 70, 90, 9), stats(2, "Z", 71, 10, 1)), 2L, 1L);
    }

    @Test
    void scoreTieBrokenByHigherMedian() {
        assertOrderIndependentOfInput(List.of(
                stats(1, "A", 80, 70, 9), stats(2, "Z", 80, 75, 1)), 2L, 1L);
    }

    @Test
    void scoreAndMedianTieBrokenByMoreJurors() {
        assertOrderIndependentOfInput(List.of(
                stats(1, "A", 80, 75, 4), stats(2, "Z", 80, 75, 5)), 2L, 1L);
    }

    @Test
    void fullTieBrokenByLowerCode() {
        assertOrderIndependentOfInput(List.of(
                stats(1, "M", 80, 75, 5), stats(2, "K", 80, 75, 5), stats(3, "k", 80, 75, 5)), 2L, 1L, 3L);
        // "K" < "M" < "k" by String.compareTo (uppercase before lowercase)
    }

    @Test
    void allLevelsTogether() {
        // G 90 | B,A score 80: B median 75 > A 70 | C,D score 70 median 90: C 5 jurors > D 4 | F,E score 60: K < M
        List<EntryStats> input = List.of(
                stats(1, "Q", 80, 70, 3),   // A
                stats(2, "Z", 80, 75, 3),   // B
                stats(3, "A", 70, 90, 5),   // C
                stats(4, "B", 70, 90, 4),   // D
                stats(5, "M", 60, 60, 3),   // E
                stats(6, "K", 60, 60, 3),   // F
                stats(7, "Y", 90, 10, 1));  // G
        assertOrderIndependentOfInput(input, 7L, 2L, 1L, 3L, 4L, 6L, 5L);
    }

    @Test
    void scoresEqualUpToFloatingPointDustAreTies() {
        // 0.1 + 0.2 = 0.30000000000000004 != 0.3, but equal to 9 decimals -> tie -> median decides
        assertThat(0.1 + 0.2).isNotEqualTo(0.3);
        assertOrderIndependentOfInput(List.of(
                stats(1, "A", 0.1 + 0.2, 0.1, 3), stats(2, "B", 0.3, 0.2, 3)), 2L, 1L);
    }

    @Test
    void descriptionNamesEveryRule() {
        assertThat(TieBreak.DESCRIPTION)
                .contains("Higher score").contains("higher median").contains("more jurors").contains("lower anonymous code");
    }
}
