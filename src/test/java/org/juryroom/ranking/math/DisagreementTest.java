package org.juryroom.ranking.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisagreementTest {

    private static EntryStats withSpread(double spread, double sd) {
        return new EntryStats(1, "A", 50, 50, 50, 3, spread, sd);
    }

    @Test
    void flaggedBySpreadAboveLimitOnly() {
        DisagreementRule rule = DisagreementRule.DEFAULT; // spread > 30
        assertThat(rule.isFlagged(withSpread(30.5, 0))).isTrue();
        assertThat(rule.isFlagged(withSpread(30.0, 0))).isFalse();   // exactly at the limit: not flagged
        assertThat(rule.isFlagged(withSpread(10.0, 99))).isFalse();  // no sd rule by default
    }

    @Test
    void flaggedByStdDevWhenConfigured() {
        DisagreementRule rule = new DisagreementRule(30.0, 10.0);
        assertThat(rule.isFlagged(withSpread(20, 10.5))).isTrue();
        assertThat(rule.isFlagged(withSpread(20, 10.0))).isFalse();
        assertThat(rule.isFlagged(withSpread(31, 1.0))).isTrue();
    }

    @Test
    void flaggedNearTheCut() {
        // 12 rows; flagged at ranks 2, 7, 8, 9. N = 3, margin 5 -> rank <= 8 -> 2, 7, 8
        Set<Integer> flaggedRanks = Set.of(2, 7, 8, 9);
        List<RankedRow> rows = new ArrayList<>();
        for (int rank = 1; rank <= 12; rank++) {
            rows.add(new RankedRow(rank, 100 + rank, "C" + rank, 100 - rank, 100 - rank, 100 - rank, 3, 0, 0,
                    flaggedRanks.contains(rank), null));
        }
        assertThat(Ranking.flaggedNearCut(rows, 3, 5)).extracting(RankedRow::rank).containsExactly(2, 7, 8);
        assertThat(Ranking.flaggedNearCut(rows, 3, 0)).extracting(RankedRow::rank).containsExactly(2);
        assertThat(rows.get(7).isNearCut(3, 5)).isTrue();   // rank 8
        assertThat(rows.get(8).isNearCut(3, 5)).isFalse();  // rank 9

        RankingResult result = new RankingResult(NormalisationMethod.Z_SCORE, TieBreak.DESCRIPTION, 3,
                RankingParams.DEFAULT_NEAR_CUT_MARGIN, rows, List.of());
        assertThat(result.flaggedNearCut()).extracting(RankedRow::rank).containsExactly(2, 7, 8);
        assertThat(result.shortlist()).extracting(RankedRow::rank).containsExactly(1, 2, 3);
    }
}
