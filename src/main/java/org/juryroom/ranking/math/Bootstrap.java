package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap estimate of P(entry is in the top N).
 *
 * <p>One round: every entry's normalised values are resampled with replacement (same count), the round score is
 * the mean of the resample, entries are ordered by round score (compared as {@link TieBreak#key}, higher first)
 * then by code (lower first, entryId if codes collide), and the first N are "in". {@code pTopN = rounds in / B}.
 *
 * <p><b>Randomness.</b> Each entry has its own SplitMix64 stream seeded from (seed, entryId), and round r takes
 * its n draws from positions r*n .. r*n+n-1 of that stream ({@link Candidates#roundKey}): any round of any entry can be
 * computed on its own. An entry's sequence of round means therefore depends only on its own values, the seed and
 * its id: not on map iteration order and not on which other entries are simulated. That is what makes the shortcut
 * below, and the pruning in {@link #simulate}, give exactly the same numbers as a full simulation.
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
 *
 * <p><b>Pruning within a round</b> (also exact). Candidates are visited in descending order of their maximum. Once
 * the places are full, an entry whose maximum (with the same slack) cannot reach the worst kept round key ends the
 * round: it and every entry after it are out. An entry whose draws so far, plus its maximum for each draw still to
 * come, cannot reach that key stops drawing. The worst kept key only rises during a round, so nothing skipped could
 * have taken a place.
 */
public final class Bootstrap {

    /** Safety margin, in {@link TieBreak#QUANTUM}s, when comparing bounds (a computed mean's key may be off by 1). */
    public static final int SLACK_QUANTA = 2;

    private Bootstrap() {
    }

    /** Splits entries into surely-in / surely-out / candidates for a top-{@code topN} shortlist. O(n log n). */
    public static CutPartition partition(Collection<EntryRange> ranges, int topN) {
        int n = ranges.size();
        long[] ids = new long[n];
        double[] mins = new double[n];
        double[] maxs = new double[n];
        int i = 0;
        for (EntryRange r : ranges) {
            ids[i] = r.entryId();
            mins[i] = r.min();
            maxs[i] = r.max();
            i++;
        }
        return partition(ids, mins, maxs, topN);
    }

    /** {@link #partition(Collection, int)} over parallel arrays (entry i: ids[i], min[i], max[i]): no object per entry. */
    public static CutPartition partition(long[] ids, double[] min, double[] max, int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be >= 0");
        }
        int n = ids.length;
        long[] los = new long[n];
        long[] his = new long[n];
        for (int i = 0; i < n; i++) {
            los[i] = TieBreak.key(min[i]);
            his[i] = TieBreak.key(max[i]);
        }
        long[] mins = los.clone();
        long[] maxs = his.clone();
        Arrays.sort(mins);
        Arrays.sort(maxs);
        List<Long> in = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        List<Long> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long lo = los[i];
            long hi = his[i];
            // Entries whose worst case is strictly above e's best case (e itself can never qualify).
            int alwaysAbove = n - firstIndexAbove(mins, hi + SLACK_QUANTA);
            // Entries whose best case reaches e's worst case, minus e itself (which always qualifies).
            int mayBeatOrTie = n - firstIndexAtLeast(maxs, lo - SLACK_QUANTA) - 1;
            if (alwaysAbove >= topN) {
                out.add(ids[i]);
            } else if (mayBeatOrTie < topN) {
                in.add(ids[i]);
            } else {
                candidates.add(ids[i]);
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
        int slots = topN - surelyInCount;
        Candidates cs = new Candidates(candidateValues, codesByEntry, params.seed());
        int c = cs.size();
        Map<Long, Double> result = new HashMap<>(c * 2);
        if (slots <= 0 || slots >= c) {
            // Nothing to decide: no places left, or a place for everyone.
            double p = slots <= 0 ? 0.0 : 1.0;
            cs.forEachId((o, id) -> result.put(id, p));
            return result;
        }
        // Rounds are independent (each entry's draws depend only on its seed and the round number), so they
        // run in parallel slices and the counts add up to exactly what one thread would count.
        int rounds = params.rounds();
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rounds / 50));
        int[] inCount = java.util.stream.IntStream.range(0, slices).parallel()
                .mapToObj(k -> countIn(cs, slots, rounds * k / slices, rounds * (k + 1) / slices))
                .reduce(new int[c], (a, b) -> {
                    int[] sum = a.clone();
                    for (int o = 0; o < c; o++) {
                        sum[o] += b[o];
                    }
                    return sum;
                });
        cs.forEachId((o, id) -> result.put(id, (double) inCount[o] / rounds));
        return result;
    }

    /** How often each candidate is among the {@code slots} best in rounds {@code from .. to - 1}. */
    private static int[] countIn(Candidates cs, int slots, int from, int to) {
        int c = cs.size();
        int[] inCount = new int[c];
        long[] keys = new long[c];
        int[] heap = new int[slots];
        for (int round = from; round < to; round++) {
            int size = 0;
            for (int o = 0; o < c; o++) {
                if (size < slots) {
                    keys[o] = cs.roundKey(o, round, OUT);
                    heap[size] = o;
                    siftUp(heap, size++, keys, cs.rank);
                    continue;
                }
                long worst = keys[heap[0]];
                if (cs.bound[o] + SLACK_QUANTA < worst) {
                    break; // so is every entry after it: bounds descend
                }
                long key = cs.roundKey(o, round, worst);
                if (key != OUT) {
                    keys[o] = key;
                    if (better(o, heap[0], keys, cs.rank)) {
                        heap[0] = o;
                        siftDown(heap, slots, keys, cs.rank);
                    }
                }
            }
            for (int o : heap) {
                inCount[o]++;
            }
        }
        return inCount;
    }

    /** {@link Candidates#roundKey}'s answer for a resample that provably cannot reach the floor. */
    static final long OUT = Long.MIN_VALUE;

    /** SplitMix64's increment (the golden ratio in 64 bits). */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    /**
     * The candidates in visiting order (highest maximum first), in flat primitive arrays so a round reads memory
     * in sequence. Position o's values are {@code values[start[o] .. start[o + 1])}; {@code rank[o]} is its place in
     * (code, entryId) order, the in-round tie-break.
     */
    static final class Candidates {

        final long[] ids;
        final int[] rank;
        final int[] start;
        final double[] values;
        final double[] max;
        final long[] bound;
        final long[] seed;

        Candidates(Map<Long, double[]> valuesByEntry, Map<Long, String> codesByEntry, long seed) {
            List<Long> byCode = new ArrayList<>(valuesByEntry.keySet());
            byCode.sort(Comparator.comparing((Long id) -> requireCode(codesByEntry, id)).thenComparing(id -> id));
            int c = byCode.size();
            long[] sortKeys = new long[c];
            EntryRange[] ranges = new EntryRange[c];
            for (int r = 0; r < c; r++) {
                ranges[r] = EntryRange.of(byCode.get(r), valuesByEntry.get(byCode.get(r)));
            }
            Integer[] visit = new Integer[c];
            for (int r = 0; r < c; r++) {
                visit[r] = r;
                sortKeys[r] = TieBreak.key(ranges[r].max());
            }
            Arrays.sort(visit, (a, b) -> sortKeys[a] != sortKeys[b] ? Long.compare(sortKeys[b], sortKeys[a]) : a - b);
            ids = new long[c];
            rank = new int[c];
            start = new int[c + 1];
            max = new double[c];
            bound = new long[c];
            this.seed = new long[c];
            for (int o = 0; o < c; o++) {
                int r = visit[o];
                ids[o] = byCode.get(r);
                rank[o] = r;
                max[o] = ranges[r].max();
                bound[o] = sortKeys[r];
                this.seed[o] = entrySeed(seed, ids[o]);
                start[o + 1] = start[o] + valuesByEntry.get(ids[o]).length;
            }
            values = new double[start[c]];
            for (int o = 0; o < c; o++) {
                double[] v = valuesByEntry.get(ids[o]);
                System.arraycopy(v, 0, values, start[o], v.length);
            }
        }

        int size() {
            return ids.length;
        }

        void forEachId(java.util.function.ObjLongConsumer<Integer> action) {
            for (int o = 0; o < ids.length; o++) {
                action.accept(o, ids[o]);
            }
        }

        /**
         * {@link TieBreak#key} of the round-{@code round} resample mean of the entry at {@code o}. Draw k of round r
         * is element {@code r * n + k} of the entry's SplitMix64 stream (state {@code seed + (r * n + k + 1) *
         * GAMMA}), so a round is computed without the rounds before it. The index is the high 32 bits of the draw
         * times n (bias at most n / 2^32, far below anything 1,000 rounds can show). Returns {@link #OUT} as soon as
         * the sum so far plus the maximum for each draw to come stays a quantum below {@code floor} minus the slack
         * (floating-point error here is ~1e-13, far inside that quantum); {@code floor == OUT} never stops early.
         */
        long roundKey(int o, int round, long floor) {
            int from = start[o];
            int n = start[o + 1] - from;
            long state = seed[o] + (long) round * n * GAMMA;
            double limit = floor == OUT ? Double.NEGATIVE_INFINITY
                    : (floor - SLACK_QUANTA - 1) * TieBreak.QUANTUM * n;
            double top = max[o];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                state += GAMMA;
                sum += values[from + (int) (((mix64(state) >>> 32) * n) >>> 32)];
                if (sum + (n - 1 - k) * top < limit) {
                    return OUT;
                }
            }
            return TieBreak.key(sum / n);
        }
    }

    // a ranks above b: higher key, or equal key and lower rank (= lower code).
    private static boolean better(int a, int b, long[] keys, int[] rank) {
        return keys[a] > keys[b] || (keys[a] == keys[b] && rank[a] < rank[b]);
    }

    private static void siftUp(int[] heap, int pos, long[] keys, int[] rank) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!better(heap[parent], heap[pos], keys, rank)) {
                return;
            }
            swap(heap, parent, pos);
            pos = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] keys, int[] rank) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heap[left], heap[right], keys, rank)) {
                worst = right;
            }
            if (!better(heap[pos], heap[worst], keys, rank)) {
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
        return mix64(seed + mix64(entryId + GAMMA));
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
