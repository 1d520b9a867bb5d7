package org.juryroom.rounds.math;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-worked examples of the Schulze method and its tie-break (docs/judging.md). */
class SchulzeTest {

    static final long A = 1, B = 2, C = 3, D = 4, E = 5;

    /** A strict ballot: one candidate per group. */
    private static List<List<Long>> strict(long... ids) {
        List<List<Long>> b = new ArrayList<>();
        for (long id : ids) {
            b.add(List.of(id));
        }
        return b;
    }

    private static void add(List<List<List<Long>>> ballots, int times, List<List<Long>> ballot) {
        for (int i = 0; i < times; i++) {
            ballots.add(ballot);
        }
    }

    /** Wikipedia's 45 voters ("Schulze method", example). */
    private static List<List<List<Long>>> wikipedia() {
        List<List<List<Long>>> b = new ArrayList<>();
        add(b, 5, strict(A, C, B, E, D));
        add(b, 5, strict(A, D, E, C, B));
        add(b, 8, strict(B, E, D, A, C));
        add(b, 3, strict(C, A, B, E, D));
        add(b, 7, strict(C, A, E, B, D));
        add(b, 2, strict(C, B, A, D, E));
        add(b, 7, strict(D, C, E, B, A));
        add(b, 8, strict(E, B, A, D, C));
        return b;
    }

    @Test
    void wikipediaExample() {
        SchulzeResult r = Schulze.compute(List.of(A, B, C, D, E), wikipedia());
        // d[*,*] as printed in the example.
        int[][] d = {{0, 20, 26, 30, 22}, {25, 0, 16, 33, 18}, {19, 29, 0, 17, 24}, {15, 12, 28, 0, 14},
                {23, 27, 21, 31, 0}};
        int[][] p = {{0, 28, 28, 30, 24}, {25, 0, 28, 33, 24}, {25, 29, 0, 29, 24}, {25, 28, 28, 0, 24},
                {25, 28, 28, 31, 0}};
        assertThat(r.pairwise()).isDeepEqualTo(d);
        assertThat(r.strongestPaths()).isDeepEqualTo(p);
        assertThat(r.places()).containsExactly(List.of(E), List.of(A), List.of(C), List.of(B), List.of(D));
        assertThat(r.order()).containsExactly(E, A, C, B, D);
        assertThat(r.d(E, D)).isEqualTo(31);
        assertThat(r.p(A, B)).isEqualTo(28);
        assertThat(r.beats(E, A)).isTrue();
        assertThat(r.ballots()).isEqualTo(45);
    }

    @Test
    void aCondorcetCycleIsResolvedByTheStrongestPaths() {
        // 4 A>B>C, 3 B>C>A, 2 C>A>B: A beats B 6:3, B beats C 7:2, C beats A 5:4 -- a cycle.
        // p[A][C] = min(6, 7) = 6 > p[C][A] = 5; p[B][A] = min(7, 5) = 5 < 6; p[B][C] = 7 > p[C][B] = min(5, 6) = 5.
        List<List<List<Long>>> b = new ArrayList<>();
        add(b, 4, strict(A, B, C));
        add(b, 3, strict(B, C, A));
        add(b, 2, strict(C, A, B));
        SchulzeResult r = Schulze.compute(List.of(A, B, C), b);
        assertThat(r.d(A, B)).isEqualTo(6);
        assertThat(r.d(B, C)).isEqualTo(7);
        assertThat(r.d(C, A)).isEqualTo(5);
        assertThat(r.p(A, C)).isEqualTo(6);
        assertThat(r.p(C, A)).isEqualTo(5);
        assertThat(r.p(B, A)).isEqualTo(5);
        assertThat(r.p(C, B)).isEqualTo(5);
        assertThat(r.places()).containsExactly(List.of(A), List.of(B), List.of(C));
        assertThat(r.awards(1, 1).places()).extracting(SchulzeResult.Place::tieBroken).containsExactly(false);
    }

    @Test
    void tiesOnBallotsCountForNeither() {
        // Ballot 1 ties A and B; ballot 2 puts A above B; ballot 3 puts B above C, A and B tied first.
        List<List<List<Long>>> b = List.of(
                List.of(List.of(A, B), List.of(C)),
                List.of(List.of(A), List.of(B), List.of(C)),
                List.of(List.of(B, A), List.of(C)));
        SchulzeResult r = Schulze.compute(List.of(A, B, C), b);
        assertThat(r.d(A, B)).isEqualTo(1);
        assertThat(r.d(B, A)).isZero();
        assertThat(r.d(A, C)).isEqualTo(3);
        assertThat(r.d(B, C)).isEqualTo(3);
        assertThat(r.places()).containsExactly(List.of(A), List.of(B), List.of(C));
    }

    @Test
    void aFullTieIsKeptInThePlacesAndBrokenByTheTieBreakingRanking() {
        // The perfect cycle: every link is 2:1, every strongest path 2, nobody beats anybody.
        List<List<List<Long>>> b = List.of(strict(A, B, C), strict(B, C, A), strict(C, A, B));
        SchulzeResult r = Schulze.compute(List.of(A, B, C), b);
        assertThat(r.places()).containsExactly(List.of(A, B, C));
        // Every ballot is strict, so the first ballot drawn decides the TBRC completely; the order is that ballot.
        assertThat(List.of(List.of(A, B, C), List.of(B, C, A), List.of(C, A, B))).contains(r.order());
        assertThat(r.order()).isEqualTo(r.tieBreakingRanking());
        // Pinned (docs/judging.md works it through): seed = first 8 bytes of the input digest.
        assertThat(r.inputDigest()).isEqualTo(CanonicalJson.sha256(
                "{\"ballots\":[[[1],[2],[3]],[[2],[3],[1]],[[3],[1],[2]]],\"candidates\":[1,2,3],\"method\":\"SCHULZE\"}"));
        assertThat(r.tieBreakSeed()).isEqualTo(Long.parseUnsignedLong(r.inputDigest().substring(0, 16), 16));
        assertThat(r.order()).isEqualTo(firstDrawn(b, r.tieBreakSeed()));
        assertThat(r.inputDigest()).startsWith("97b62976183f8535");
        assertThat(r.order()).containsExactly(C, A, B); // the worked example's answer
        SchulzeResult.Awards awards = r.awards(2, 1);
        assertThat(awards.places()).extracting(SchulzeResult.Place::place).containsExactly(1, 2);
        assertThat(awards.places()).allMatch(SchulzeResult.Place::tieBroken);
        assertThat(awards.places().get(0).entryIds()).containsExactly(r.order().get(0));
        assertThat(awards.mentions()).containsExactly(r.order().get(2));
    }

    /** The ballot the TBRC draws first: position 0 after the documented Fisher-Yates shuffle of the canonical ballots. */
    private static List<Long> firstDrawn(List<List<List<Long>>> ballots, long seed) {
        List<List<List<Long>>> canonical = Schulze.canonicalBallots(ballots);
        Random rnd = new Random(seed);
        List<List<List<Long>>> order = new ArrayList<>(canonical);
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, rnd.nextInt(i + 1));
        }
        return order.get(0).stream().map(g -> g.get(0)).toList();
    }

    @Test
    void noBallotsTieEveryoneAndTheSeededShuffleDecides() {
        SchulzeResult r = Schulze.compute(List.of(C, A, B), List.of());
        assertThat(r.places()).containsExactly(List.of(A, B, C));
        assertThat(r.order()).containsExactlyInAnyOrderElementsOf(List.of(A, B, C));
        assertThat(r.order()).isEqualTo(Schulze.shuffled(List.of(A, B, C), new Random(r.tieBreakSeed())));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfBallotsOrOfTiedIds() {
        List<List<List<Long>>> b = new ArrayList<>(wikipedia());
        b.add(List.of(List.of(A, E), List.of(B, C, D))); // a tie so that group order matters too
        SchulzeResult reference = Schulze.compute(List.of(A, B, C, D, E), b);
        Random rnd = new Random(20261205L);
        for (int round = 0; round < 20; round++) {
            List<List<List<Long>>> shuffled = new ArrayList<>(b);
            Collections.shuffle(shuffled, rnd);
            shuffled.set(shuffled.size() - 1, shuffled.get(shuffled.size() - 1).stream()
                    .map(g -> { List<Long> copy = new ArrayList<>(g); Collections.reverse(copy); return (List<Long>) copy; })
                    .toList());
            List<Long> candidates = new ArrayList<>(List.of(A, B, C, D, E));
            Collections.shuffle(candidates, rnd);
            SchulzeResult r = Schulze.compute(candidates, shuffled);
            assertThat(r.digest()).isEqualTo(reference.digest());
            assertThat(r.order()).isEqualTo(reference.order());
        }
    }

    @Test
    void theTieBreakFollowsTheBallotsWhereTheyDecide() {
        // A and B are tied overall (1:1), but the TBRC uses whole ballots: each ballot drawn first orders them.
        List<List<List<Long>>> b = List.of(strict(A, B, C), strict(B, A, C));
        SchulzeResult r = Schulze.compute(List.of(A, B, C), b);
        assertThat(r.places()).containsExactly(List.of(A, B), List.of(C));
        assertThat(r.order().get(2)).isEqualTo(C);
        assertThat(r.tieBreakingRanking()).isIn(List.of(A, B, C), List.of(B, A, C));
        assertThat(r.order()).isEqualTo(r.tieBreakingRanking());
        assertThat(r.awards(3, 0).places()).extracting(SchulzeResult.Place::tieBroken).containsExactly(true, true, false);
    }

    @Test
    void oneCandidate() {
        SchulzeResult r = Schulze.compute(List.of(42L), List.of(List.of(List.of(42L)), List.of(List.of(42L))));
        assertThat(r.places()).containsExactly(List.of(42L));
        assertThat(r.order()).containsExactly(42L);
        assertThat(r.pairwise()).isDeepEqualTo(new int[][]{{0}});
        SchulzeResult.Awards awards = r.awards(3, 2);
        assertThat(awards.places()).singleElement().satisfies(p -> {
            assertThat(p.place()).isEqualTo(1);
            assertThat(p.entryIds()).containsExactly(42L);
            assertThat(p.tieBroken()).isFalse();
        });
        assertThat(awards.mentions()).isEmpty();
    }

    @Test
    void aBallotSaysEverythingThatIsWrongWithIt() {
        Schulze.BallotCheck check = Schulze.check(List.of(A, B, C, D),
                List.of(List.of(A, 9L), List.of(), List.of(A, B), List.of(7L)));
        assertThat(check.valid()).isFalse();
        assertThat(check.missing()).containsExactly(C, D);
        assertThat(check.duplicate()).containsExactly(A);
        assertThat(check.unknown()).containsExactly(7L, 9L);
        assertThat(check.emptyGroups()).containsExactly(1);
        assertThat(check.problems()).containsExactly("missing: 3, 4", "more than once: 1", "not a candidate: 7, 9",
                "empty tie group at position: 1");
        assertThat(Schulze.check(List.of(A, B), null).missing()).containsExactly(A, B);
        assertThat(Schulze.check(List.of(A, B), List.of(List.of(B, A))).valid()).isTrue();
    }

    @Test
    void aNullIdOrGroupIsAProblemNotAPlacement() {
        // Every candidate placed once besides the null: still invalid (it used to pass, then fail to sort).
        Schulze.BallotCheck check = Schulze.check(List.of(A, B), List.of(List.of(A), java.util.Arrays.asList(B, null)));
        assertThat(check.valid()).isFalse();
        assertThat(check.nullIds()).containsExactly(1);
        assertThat(check.problems()).containsExactly("an entry id is null in the tie group at position: 1");
        assertThat(Schulze.check(List.of(A, B), java.util.Arrays.asList(List.of(A, B), null)).emptyGroups())
                .containsExactly(1);
    }

    @Test
    void computeRefusesInvalidInput() {
        assertThatThrownBy(() -> Schulze.compute(List.of(A, B), List.of(strict(A))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ballot 0: missing: 2");
        assertThatThrownBy(() -> Schulze.compute(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schulze.compute(List.of(A, A), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schulze.compute(List.of(A), List.of()).awards(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCanonicalFormAndDigestCoverEverythingThatDecides() {
        SchulzeResult r = Schulze.compute(List.of(A, B, C), List.of(strict(A, B, C), strict(B, A, C)));
        String json = CanonicalJson.write(r.canonical());
        assertThat(json).startsWith("{\"ballots\":2,\"candidates\":[1,2,3],\"inputDigest\":\"")
                .contains("\"pairwise\":{\"1\":{\"2\":1,\"3\":2},\"2\":{\"1\":1,\"3\":2},\"3\":{\"1\":0,\"2\":0}}")
                .contains("\"places\":[[1,2],[3]]").doesNotContain(" ").doesNotContain("\n");
        assertThat(r.digest()).isEqualTo(CanonicalJson.sha256(json)).hasSize(64).matches("[0-9a-f]+");
        SchulzeResult other = Schulze.compute(List.of(A, B, C), List.of(strict(A, B, C), strict(A, B, C)));
        assertThat(other.digest()).isNotEqualTo(r.digest());
    }
}
