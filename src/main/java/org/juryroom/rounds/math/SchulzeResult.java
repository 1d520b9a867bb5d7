package org.juryroom.rounds.math;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Schulze#compute}. Matrices are indexed in {@code candidates} order
 * (ascending ids); use {@link #d(long, long)} and {@link #p(long, long)} by id.
 *
 * @param candidates         ascending ids
 * @param ballots            how many ballots were counted
 * @param places             the Schulze ranking, best first; a group of several is a tie
 * @param tieBreakingRanking Schulze's TBRC for this input (see {@link Schulze})
 * @param order              strict order: {@code places} with each tie ordered by the TBRC
 * @param inputDigest        SHA-256 of the canonical candidates and ballots; the tie-break's seed source
 * @param tieBreakSeed       the first 8 bytes of {@code inputDigest}, big-endian, as the seed of java.util.Random
 */
public record SchulzeResult(List<Long> candidates, int ballots, int[][] pairwise, int[][] strongestPaths,
                            List<List<Long>> places, List<Long> tieBreakingRanking, List<Long> order,
                            String inputDigest, long tieBreakSeed) {

    /** One awarded place of {@link #awards}: {@code tieBroken} when the Schulze ranking alone left it tied. */
    public record Place(int place, List<Long> entryIds, boolean tieBroken) {
    }

    /** Places 1..n (one entry each) and the special mentions that follow them in the strict order. */
    public record Awards(List<Place> places, List<Long> mentions) {
    }

    public int d(long a, long b) {
        return pairwise[index(a)][index(b)];
    }

    public int p(long a, long b) {
        return strongestPaths[index(a)][index(b)];
    }

    /** Whether the Schulze ranking (before any tie-break) puts a above b. */
    public boolean beats(long a, long b) {
        return p(a, b) > p(b, a);
    }

    /**
     * The first {@code places} of the strict order win places 1, 2, ...; the next {@code mentions}
     * get special mentions. Fewer candidates than asked for: fewer awards.
     */
    public Awards awards(int places, int mentions) {
        if (places < 0 || mentions < 0) {
            throw new IllegalArgumentException("places and mentions must be >= 0");
        }
        int winners = Math.min(places, order.size());
        List<Place> out = new ArrayList<>(winners);
        for (int i = 0; i < winners; i++) {
            long id = order.get(i);
            out.add(new Place(i + 1, List.of(id), groupOf(id).size() > 1));
        }
        int end = Math.min(order.size(), winners + mentions);
        return new Awards(List.copyOf(out), List.copyOf(order.subList(winners, end)));
    }

    /**
     * Everything that decides the result, in a form for {@link CanonicalJson}: matrices as
     * {@code {"a": {"b": n}}} keyed by id, the places, the TBRC, the strict order and the input digest.
     */
    public Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", Schulze.METHOD);
        m.put("strength", Schulze.STRENGTH);
        m.put("candidates", candidates);
        m.put("ballots", ballots);
        m.put("pairwise", byId(pairwise));
        m.put("strongestPaths", byId(strongestPaths));
        m.put("places", places);
        m.put("tieBreakingRanking", tieBreakingRanking);
        m.put("order", order);
        m.put("inputDigest", inputDigest);
        return m;
    }

    /** SHA-256 of {@link #canonical()} as canonical JSON. */
    public String digest() {
        return CanonicalJson.digest(canonical());
    }

    /** {"a": {"b": d[a][b]}} for a != b, keys the decimal ids. */
    public Map<String, Map<String, Integer>> byId(int[][] matrix) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int j = 0; j < candidates.size(); j++) {
                if (i != j) {
                    row.put(String.valueOf(candidates.get(j)), matrix[i][j]);
                }
            }
            out.put(String.valueOf(candidates.get(i)), row);
        }
        return out;
    }

    private List<Long> groupOf(long id) {
        return places.stream().filter(g -> g.contains(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a candidate: " + id));
    }

    private int index(long id) {
        int i = candidates.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("not a candidate: " + id);
        }
        return i;
    }
}
