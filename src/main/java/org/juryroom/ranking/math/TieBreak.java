package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic ranking order. Never depends on input order: the comparator is total (entryId is the last
 * resort, reachable only if two entries share a code).
 *
 * <p>Scores and medians are compared after rounding to 9 decimal places ({@link #key}), so values that are equal
 * mathematically but differ in the last bits (e.g. reached through different floating-point paths) are treated as
 * ties and fall through to the next rule. Rounding to a key keeps the comparator transitive, which an epsilon
 * comparison would not.
 */
public final class TieBreak {

    /** Human-readable statement of the order, for display next to a ranking. */
    public static final String DESCRIPTION =
            "Higher score first; ties broken by higher median, then more jurors, then lower anonymous code "
                    + "(String.compareTo). Scores and medians equal to 9 decimal places count as tied.";

    /** Resolution of score comparison. */
    public static final double QUANTUM = 1e-9;

    /** Ranking order: best first. */
    public static final Comparator<EntryStats> ORDER = Comparator
            .comparingLong((EntryStats s) -> key(s.score())).reversed()
            .thenComparing(Comparator.comparingLong((EntryStats s) -> key(s.median())).reversed())
            .thenComparing(Comparator.comparingInt(EntryStats::jurorCount).reversed())
            .thenComparing(EntryStats::code)
            .thenComparingLong(EntryStats::entryId);

    private TieBreak() {
    }

    /** The comparison key of a score or median: {@code Math.round(score * 1e9)}. */
    public static long key(double score) {
        return Math.round(score * 1e9);
    }

    /** A new list, best first; rank of element i is i + 1. */
    public static List<EntryStats> order(Collection<EntryStats> stats) {
        List<EntryStats> sorted = new ArrayList<>(stats);
        sorted.sort(ORDER);
        return sorted;
    }
}
