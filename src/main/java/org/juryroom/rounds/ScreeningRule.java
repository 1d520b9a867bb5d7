package org.juryroom.rounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which entries a SCREENING round advances, as pure logic over per-entry tallies (counted in SQL).
 *
 * <ul>
 *   <li>{@code quorum q}: an entry advances when at least q jurors said YES. On the boundary: entries
 *       with exactly q yes votes (none to spare) and with q - 1 (one short).</li>
 *   <li>{@code advanceTop n}: entries ranked by yes share (YES / (YES + NO); abstentions do not
 *       count; no YES or NO at all is share 0); every entry whose share is at least the n-th's
 *       advances, so a tie at the cut is never split arbitrarily. On the boundary: the entries whose
 *       share equals the n-th's.</li>
 * </ul>
 */
public final class ScreeningRule {

    private ScreeningRule() {
    }

    public record Tally(long entryId, int yes, int no, int abstain) {
        public double share() {
            return yes + no == 0 ? 0.0 : (double) yes / (yes + no);
        }
    }

    /** Entry ids in ascending order in each list. */
    public record Outcome(List<Long> advancing, List<Long> notAdvancing, List<Long> boundary) {
    }

    public static Outcome decide(List<Tally> tallies, Integer quorum, Integer advanceTop) {
        List<Tally> sorted = new ArrayList<>(tallies);
        sorted.sort(Comparator.comparingLong(Tally::entryId));
        List<Long> in = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        List<Long> boundary = new ArrayList<>();
        if (quorum != null) {
            for (Tally t : sorted) {
                (t.yes() >= quorum ? in : out).add(t.entryId());
                if (t.yes() == quorum || t.yes() == quorum - 1) {
                    boundary.add(t.entryId());
                }
            }
            return new Outcome(in, out, boundary);
        }
        double cut = sorted.stream().map(Tally::share).sorted(Comparator.reverseOrder())
                .skip(Math.max(0, advanceTop - 1)).findFirst().orElse(0.0);
        boolean everyone = sorted.size() <= advanceTop;
        for (Tally t : sorted) {
            (everyone || t.share() >= cut ? in : out).add(t.entryId());
            if (!everyone && t.share() == cut) {
                boundary.add(t.entryId());
            }
        }
        return new Outcome(in, out, boundary);
    }
}
