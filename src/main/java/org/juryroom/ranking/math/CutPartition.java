package org.juryroom.ranking.math;

import java.util.List;

/**
 * Entries split by whether bootstrap can change their shortlist membership. {@code surelyIn} are in the top N in
 * every possible round, {@code surelyOut} in none; only {@code candidates} need simulating. All lists are sorted by
 * entryId.
 */
public record CutPartition(int topN, List<Long> surelyIn, List<Long> surelyOut, List<Long> candidates) {

    public CutPartition {
        surelyIn = List.copyOf(surelyIn);
        surelyOut = List.copyOf(surelyOut);
        candidates = List.copyOf(candidates);
        if (surelyIn.size() > topN) {
            throw new IllegalStateException("more surely-in entries than shortlist places");
        }
    }

    /** Shortlist places left for candidates in every round. */
    public int openSlots() {
        return topN - surelyIn.size();
    }
}
