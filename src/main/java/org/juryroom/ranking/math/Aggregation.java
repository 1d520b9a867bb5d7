package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-entry aggregation of normalised totals. Only entries that have at least one scorecard produce stats: a missing
 * scorecard is simply absent, never a zero.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /**
     * One {@link EntryStats} per scored entry, ordered by entryId (use {@link TieBreak#order} for ranking order).
     *
     * @throws IllegalArgumentException if a scored entry has no code in {@code codesByEntry}
     */
    public static List<EntryStats> aggregate(List<NormalisedTotal> totals, Map<Long, String> codesByEntry) {
        Map<Long, DoubleBag> raws = new HashMap<>();
        Map<Long, DoubleBag> values = new HashMap<>();
        for (NormalisedTotal t : totals) {
            raws.computeIfAbsent(t.entryId(), e -> new DoubleBag()).add(t.raw());
            values.computeIfAbsent(t.entryId(), e -> new DoubleBag()).add(t.value());
        }
        long[] ids = values.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        List<EntryStats> out = new ArrayList<>(ids.length);
        for (long entryId : ids) {
            String code = codesByEntry.get(entryId);
            if (code == null) {
                throw new IllegalArgumentException("no anonymous code for scored entry " + entryId);
            }
            // Sorted arrays make every sum independent of input order.
            double[] v = values.get(entryId).sorted();
            double[] raw = raws.get(entryId).sorted();
            out.add(new EntryStats(entryId, code,
                    Stats.mean(v), Stats.mean(raw), Stats.medianOfSorted(v), v.length,
                    Stats.rangeOfSorted(raw), Stats.populationSd(raw)));
        }
        return out;
    }

    /** entryId -> ascending-sorted normalised values; the input expected by {@link Bootstrap}. */
    public static Map<Long, double[]> valuesByEntry(List<NormalisedTotal> totals) {
        Map<Long, DoubleBag> bags = new HashMap<>();
        for (NormalisedTotal t : totals) {
            bags.computeIfAbsent(t.entryId(), e -> new DoubleBag()).add(t.value());
        }
        Map<Long, double[]> out = new HashMap<>(bags.size() * 2);
        bags.forEach((id, bag) -> out.put(id, bag.sorted()));
        return out;
    }
}
