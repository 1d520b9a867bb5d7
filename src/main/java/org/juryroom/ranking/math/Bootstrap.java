package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bootstrap estimate of P(entry is in the top N).
 *
 * <p>One round: every entry's normalised values are resampled with replacement (same count), the round score is
 * the mean of the resample, entries are ordered by round score (compared as {@link TieBreak#key}, higher first)
 * then by code (lower first, entryId if codes collide), and the first N are "in". {@code pTopN = rounds in / B}.
 *
 * <p><b>Randomness.</b> Each entry draws from its own {@link SplittableRandom} seeded from (seed, entryId). An
 * entry's sequence of round means therefore depends only on its own values, the seed and its id: not on map
 * iteration order and not on which other entries are simulated. That is what makes the shortcut below give exactly
 * the same numbers as a full simulation.
 *
 * <p><b>Shortcut.</b> A round mean lies in [min, max] of the entry's values. Entry f beats entry e in every round
 * if min_f is above max_e; f can never beat e if max_f is below min_e. Hence, exactly (no approximation):
 * <ul>
 *   <li>e is <i>surely out</i> if at least N other entries always beat it;</li>
 *   <li>e is <i>surely in</i> if fewer than N other entries could ever beat (or tie) it.</li>
 * </ul>
 * Ties are treated conservatively (a possible tie counts as "could beat", never as "always beats"), and bounds are
 * compared on rounded keys with a slack of {@value #SLACK_QUANTA} quanta to absorb the rounding of a computed mean
 * (valid while |values| stay far below 1e5, which a 0..100 scale guarantees). Surely-in entries occupy their places
 * in every round, so only candidates are simulated, competing for {@code N - |surelyIn|} places; surely-out
 * entries never take a place, so ignoring them changes nothing.
 */
public final class Bootstrap {

    /** Safety margin, in {@link TieBreak#QUANTUM}s, when comparing bounds (a computed mean's key may be off by 1). */
    public static final int SLACK_QUANTA = 2;

    private Bootstrap() {
    }

    /** Splits entries into surely-in / surely-out / candidates for a top-{@code topN} shortlist. O(n log n). */
    public static CutPartition partition(Collection<EntryRange> ranges, int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0");
        }
        int n = ranges.size();
        long[] mins = new long[n];
        long[] maxs = new long[n];
        int i = 0;
        for (EntryRange r : ranges) {
            mins[i] = TieBreak.key(r.min());
            maxs[i] = TieBreak.key(r.max());
            i++;
        }
        Arrays.sort(mins);
        Arrays.sort(maxs);
        List<Long> in = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        List<Long> candidates = new ArrayList<>();
        for (EntryRange r : ranges) {
            long lo = TieBreak.key(r.min());
            long hi = TieBreak.key(r.max());
            // Entries whose worst case is strictly above e's best case (e itself can never qualify).
            int alwaysAbove = n - firstIndexAbove(mins, hi + SLACK_QUANTA);
            // Entries whose best case reaches e's worst case, minus e itself (which always qualifies).
            int mayBeatOrTie = n - firstIndexAtLeast(maxs, lo - SLACK_QUANTA) - 1;
            if (alwaysAbove >= topN) {
                out.add(r.entryId());
            } else if (mayBeatOrTie < topN) {
                in.add(r.entryId());
            } else {
                candidates.add(r.entryId());
            }
        }
        in.sort(null);
        out.sort(null);
        candidates.sort(null);
        return new CutPartition(topN, in, out, candidates);
    }

    /** {@link #partition(Collection, int)} with ranges computed from the values. */
    public static CutPartition partition(Map<Long, double[]> valuesByEntry, int topN) {
        List<EntryRange> ranges = new ArrayList<>(valuesByEntry.size());
        valuesByEntry.forEach((id, v) -> ranges.add(EntryRange.of(id, v)));
        return partition(ranges, topN);
    }

    /**
     * pTopN for every entry: partition, then simulate only the candidates (surely-in = 1.0, surely-out = 0.0).
     * For small competitions and tests; at scale call {@link #partition} and {@link #simulate} separately.
     */
    public static Map<Long, Double> probabilities(Map<Long, double[]> valuesByEntry, Map<Long, String> codesByEntry,
                                                  int topN, BootstrapParams params) {
        CutPartition cut = partition(valuesByEntry, topN);
        Map<Long, double[]> candidateValues = new HashMap<>();
        cut.candidates().forEach(id -> candidateValues.put(id, valuesByEntry.get(id)));
        Map<Long, Double> p = new HashMap<>(simulate(candidateValues, codesByEntry, cut.surelyIn().size(), topN, params));
        cut.surelyIn().forEach(id -> p.put(id, 1.0));
        cut.surelyOut().forEach(id -> p.put(id, 0.0));
        return p;
    }

    /** Reference implementation without the shortcut: simulates every entry. Same result as {@link #probabilities}. */
    public static Map<Long, Double> fullSimulation(Map<Long, double[]> valuesByEntry, Map<Long, String> codesByEntry,
                                                   int topN, BootstrapParams params) {
        return simulate(valuesByEntry, codesByEntry, 0, topN, params);
    }

    /**
     * Simulates only {@code candidateValues}, which compete for {@code topN - surelyInCount} places per round.
     *
     * @param candidateValues entryId -> normalised values of each candidate (non-empty arrays)
     * @param codesByEntry    anonymous codes (must cover the candidates), the in-round tie-break
     * @param surelyInCount   number of entries that are in the top N in every round (from {@link #partition})
     * @return entryId -> pTopN for the candidates only
     */
    public static Map<Long, Double> simulate(Map<Long, double[]> candidateValues, Map<Long, String> codesByEntry,
                                             int surelyInCount, int topN, BootstrapParams params) {
        if (surelyInCount < 0 || surelyInCount > topN) {
            throw new IllegalArgumentException("need 0 <= surelyInCount <= topN");
        }
        // Index order = (code, entryId) order, so "lower index" is the in-round tie-break.
        List<Long> ids = new ArrayList<>(candidateValues.keySet());
        ids.sort(Comparator.comparing((Long id) -> requireCode(codesByEntry, id)).thenComparing(id -> id));
        int c = ids.size();
        int slots = topN - surelyInCount;
        Map<Long, Double> result = new HashMap<>(c * 2);
        if (slots <= 0 || slots >= c) {
            // Nothing to decide: no places left, or a place for everyone.
            double p = slots <= 0 ? 0.0 : 1.0;
            ids.forEach(id -> result.put(id, p));
            return result;
        }
        double[][] values = new double[c][];
        SplittableRandom[] rngs = new SplittableRandom[c];
        for (int i = 0; i < c; i++) {
            long id = ids.get(i);
            values[i] = candidateValues.get(id);
            if (values[i].length == 0) {
                throw new IllegalArgumentException("entry " + id + " has no values");
            }
            rngs[i] = new SplittableRandom(entrySeed(params.seed(), id));
        }
        int[] inCount = new int[c];
        long[] keys = new long[c];
        int[] heap = new int[slots];
        for (int round = 0; round < params.rounds(); round++) {
            for (int i = 0; i < c; i++) {
                keys[i] = TieBreak.key(resampleMean(values[i], rngs[i]));
            }
            selectTop(keys, heap);
            for (int i : heap) {
                inCount[i]++;
            }
        }
        for (int i = 0; i < c; i++) {
            result.put(ids.get(i), (double) inCount[i] / params.rounds());
        }
        return result;
    }

    private static double resampleMean(double[] v, SplittableRandom rng) {
        int n = v.length;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += v[rng.nextInt(n)];
        }
        return sum / n;
    }

    /** Fills {@code heap} with the indices of the best heap.length entries: min-heap whose root is the worst kept. */
    private static void selectTop(long[] keys, int[] heap) {
        int k = heap.length;
        for (int i = 0; i < k; i++) {
            heap[i] = i;
            siftUp(heap, i, keys);
        }
        for (int i = k; i < keys.length; i++) {
            if (better(i, heap[0], keys)) {
                heap[0] = i;
                siftDown(heap, k, keys);
            }
        }
    }

    // a ranks above b: higher key, or equal key and lower index (= lower code).
    private static boolean better(int a, int b, long[] keys) {
        return keys[a] > keys[b] || (keys[a] == keys[b] && a < b);
    }

    private static void siftUp(int[] heap, int pos, long[] keys) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], heap[pos], keys)) {
                return;
            }
            swap(heap, parent, pos);
            pos = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] keys) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heap[left], heap[right], keys)) {
                worst = right;
            }
            if (!better(heap[pos], heap[worst], keys)) {
                return;
            }
            swap(heap, pos, worst);
            pos = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Per-entry seed: two SplitMix64 finalisers so nearby ids/seeds give unrelated streams. */
    static long entrySeed(long seed, long entryId) {
        return mix64(seed + mix64(entryId + 0x9E3779B97F4A7C15L));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String requireCode(Map<Long, String> codes, Long id) {
        String code = codes.get(id);
        if (code == null) {
            throw new IllegalArgumentException("no anonymous code for entry " + id);
        }
        return code;
    }

    /** First index whose value is > x in an ascending array. */
    private static int firstIndexAbove(long[] sorted, long x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** First index whose value is >= x in an ascending array. */
    private static int firstIndexAtLeast(long[] sorted, long x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
