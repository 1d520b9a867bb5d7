package org.juryroom.rounds;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningRuleTest {

    private static ScreeningRule.Tally t(long id, int yes, int no, int abstain) {
        return new ScreeningRule.Tally(id, yes, no, abstain);
    }

    @Test
    void quorumAdvancesEntriesWithEnoughYesVotesAndNamesTheBoundary() {
        var o = ScreeningRule.decide(List.of(t(5, 0, 2, 0), t(1, 1, 1, 0), t(3, 2, 0, 0), t(2, 0, 0, 2)), 1, null);
        assertThat(o.advancing()).containsExactly(1L, 3L);
        assertThat(o.notAdvancing()).containsExactly(2L, 5L);
        // exactly one yes (none to spare) or none (one short)
        assertThat(o.boundary()).containsExactly(1L, 2L, 5L);

        var two = ScreeningRule.decide(List.of(t(1, 1, 1, 0), t(2, 2, 0, 0), t(3, 3, 0, 0)), 2, null);
        assertThat(two.advancing()).containsExactly(2L, 3L);
        assertThat(two.boundary()).containsExactly(1L, 2L);
    }

    @Test
    void topNByYesShareKeepsTiesAtTheCutTogetherAndIgnoresAbstentions() {
        // shares: 1 → 1.0, 2 → 0.5, 3 → 0.5, 4 → 0 (no yes/no at all), 5 → 1.0 (abstentions do not count)
        var o = ScreeningRule.decide(List.of(t(1, 2, 0, 0), t(2, 1, 1, 0), t(3, 1, 1, 1), t(4, 0, 0, 2),
                t(5, 1, 0, 3)), null, 3);
        assertThat(o.advancing()).containsExactly(1L, 2L, 3L, 5L);
        assertThat(o.notAdvancing()).containsExactly(4L);
        assertThat(o.boundary()).containsExactly(2L, 3L);

        var all = ScreeningRule.decide(List.of(t(1, 0, 2, 0), t(2, 1, 1, 0)), null, 5);
        assertThat(all.advancing()).containsExactly(1L, 2L);
        assertThat(all.boundary()).isEmpty();
    }
}
