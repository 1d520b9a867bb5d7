package org.juryroom.judging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Who scores what, as pure logic: every entry gets k distinct jurors who have no conflict with
 * its school, loads stay balanced (each pick goes to a least-loaded eligible juror), existing
 * assignments are kept, and the same input with the same seed gives the same plan.
 *
 * <p>Balance: with no conflicts and no category panels, giving each entry the k least-loaded
 * jurors keeps every load within one of every other (max - min <= 1), because the loads only ever
 * take two neighbouring values. Conflicts and panels can make that impossible; the planner still
 * always picks the least-loaded juror it is allowed to.
 */
public final class AssignmentPlanner {

    private AssignmentPlanner() {
    }

    public record EntryToAssign(long entryId, long schoolId, String categoryCode) {
    }

    /** A juror; {@code categories} empty means the juror may score every category. */
    public record JurorSlot(long jurorId, Set<String> categories) {
    }

    public record Pair(long entryId, long jurorId) {
    }

    /** The new pairs to add, and the entries that could not reach k eligible jurors. */
    public record Plan(List<Pair> added, Map<Long, Integer> shortBy) {
    }

    public static Plan plan(List<EntryToAssign> entries, List<JurorSlot> jurors, Map<Long, Set<Long>> existingByEntry,
                            Map<Long, Set<Long>> conflictsByJuror, int k, long seed) {
        return plan(entries, jurors, existingByEntry, Map.of(), conflictsByJuror, k, seed);
    }

    /**
     * @param existingByEntry jurors who already count for an entry (they are kept and count towards k)
     * @param excludedByEntry jurors who must not be picked again for an entry but do not count towards
     *                        k (they abstained, or were assigned before a conflict was declared)
     */
    public static Plan plan(List<EntryToAssign> entries, List<JurorSlot> jurors, Map<Long, Set<Long>> existingByEntry,
                            Map<Long, Set<Long>> excludedByEntry, Map<Long, Set<Long>> conflictsByJuror, int k,
                            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Integer> load = new HashMap<>();
        Map<Long, Long> tieBreak = new HashMap<>();
        for (JurorSlot j : jurors) {
            load.put(j.jurorId(), 0);
            tieBreak.put(j.jurorId(), random.nextLong());
        }
        // Only the pool's jurors have a load to balance; anyone else in existing is a former juror.
        existingByEntry.values().forEach(js -> js.forEach(j -> load.computeIfPresent(j, (id, n) -> n + 1)));
        List<EntryToAssign> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingLong(EntryToAssign::entryId));
        shuffle(order, random);

        List<Pair> added = new ArrayList<>();
        Map<Long, Integer> shortBy = new HashMap<>();
        for (EntryToAssign e : order) {
            Set<Long> already = existingByEntry.getOrDefault(e.entryId(), Set.of());
            Set<Long> excluded = excludedByEntry.getOrDefault(e.entryId(), Set.of());
            int need = k - already.size();
            if (need <= 0) {
                continue;
            }
            List<JurorSlot> eligible = jurors.stream()
                    .filter(j -> !already.contains(j.jurorId()) && !excluded.contains(j.jurorId()))
                    .filter(j -> !conflictsByJuror.getOrDefault(j.jurorId(), Set.of()).contains(e.schoolId()))
                    .filter(j -> j.categories().isEmpty() || j.categories().contains(e.categoryCode()))
                    .sorted(Comparator.<JurorSlot>comparingInt(j -> load.get(j.jurorId()))
                            .thenComparingLong(j -> tieBreak.get(j.jurorId())))
                    .limit(need)
                    .toList();
            for (JurorSlot j : eligible) {
                added.add(new Pair(e.entryId(), j.jurorId()));
                load.merge(j.jurorId(), 1, Integer::sum);
            }
            if (eligible.size() < need) {
                shortBy.put(e.entryId(), need - eligible.size());
            }
        }
        return new Plan(added, shortBy);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
