package org.juryroom.rounds.math;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Schulze method (M. Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", Soc. Choice Welf. 36, 2011), as the final
 * jury combines its rankings. A pure function of the candidates and the ballots.
 *
 * <p><b>Ballots.</b> Each ballot orders every candidate exactly once, best first, as tie groups:
 * {@code [[7], [3, 9], [4]]} says 7 is first, 3 and 9 are tied second, 4 is last.
 *
 * <p><b>Pairwise preferences.</b> {@code d[a][b]} = how many ballots put a strictly above b (a
 * ballot that ties them counts for neither).
 *
 * <p><b>Strongest paths, by winning votes.</b> The link a→b has strength {@code d[a][b]} when
 * {@code d[a][b] > d[b][a]}, else 0 (no link). {@code p[a][b]} is the strength of the widest path
 * from a to b (the weakest link of a path is its strength), computed by the Floyd–Warshall variant
 * of Schulze's paper. Winning votes is Schulze's own recommendation; with complete ballots without
 * ties it ranks exactly as margins do.
 *
 * <p><b>Ranking.</b> a beats b when {@code p[a][b] > p[b][a]} (Schulze proves this is transitive).
 * The places: the candidates nobody beats come first (a group: they are tied), then those nobody
 * among the rest beats, and so on.
 *
 * <p><b>Tie-break</b> (reproducible, no one chooses it): Schulze's <i>tie-breaking ranking of the
 * candidates</i> (TBRC, section 5 of the paper) built from a random ballot, then another random
 * ballot for what the first left tied, and so on; whatever all ballots leave tied is put in a
 * random order. "Random" is {@link java.util.Random} (its algorithm is fixed by its specification)
 * seeded with the first 8 bytes (big-endian) of {@link #inputDigest}, the SHA-256 of the canonical
 * input; ballots are drawn by a Fisher–Yates shuffle of the canonically sorted ballots. The strict
 * {@code order} is the places with each tied group ordered by the TBRC. Anyone holding the ballots
 * can recompute it (docs/judging.md has a worked example).
 */
public final class Schulze {

    public static final String METHOD = "SCHULZE";
    public static final String STRENGTH = "WINNING_VOTES";

    private Schulze() {
    }

    /**
     * What is wrong with one ballot; all lists sorted ascending. Valid when all are empty.
     *
     * @param missing      candidates the ballot does not place
     * @param duplicate    candidates it places more than once
     * @param unknown      ids that are not candidates
     * @param emptyGroups  positions (0-based) of empty (or null) tie groups
     * @param nullIds      positions (0-based) of tie groups holding a null id
     */
    public record BallotCheck(List<Long> missing, List<Long> duplicate, List<Long> unknown, List<Integer> emptyGroups,
                              List<Integer> nullIds) {

        public boolean valid() {
            return missing.isEmpty() && duplicate.isEmpty() && unknown.isEmpty() && emptyGroups.isEmpty()
                    && nullIds.isEmpty();
        }

        /** One line per problem, e.g. "missing: 4, 9", for a 422's detail. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (!missing.isEmpty()) {
                out.add("missing: " + join(missing));
            }
            if (!duplicate.isEmpty()) {
                out.add("more than once: " + join(duplicate));
            }
            if (!unknown.isEmpty()) {
                out.add("not a candidate: " + join(unknown));
            }
            if (!emptyGroups.isEmpty()) {
                out.add("empty tie group at position: " + join(emptyGroups));
            }
            if (!nullIds.isEmpty()) {
                out.add("an entry id is null in the tie group at position: " + join(nullIds));
            }
            return out;
        }

        private static String join(List<?> values) {
            return String.join(", ", values.stream().map(String::valueOf).toList());
        }
    }

    /** Checks one ballot against the candidates; a null ballot places nothing, a null group or id is a problem. */
    public static BallotCheck check(Collection<Long> candidates, List<List<Long>> ballot) {
        Set<Long> known = new HashSet<>(candidates);
        Set<Long> seen = new HashSet<>();
        TreeSet<Long> duplicate = new TreeSet<>();
        TreeSet<Long> unknown = new TreeSet<>();
        List<Integer> empty = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        List<List<Long>> groups = ballot == null ? List.of() : ballot;
        for (int g = 0; g < groups.size(); g++) {
            List<Long> group = groups.get(g);
            if (group == null || group.isEmpty()) {
                empty.add(g);
                continue;
            }
            for (Long id : group) {
                if (id == null) {
                    if (nulls.isEmpty() || nulls.get(nulls.size() - 1) != g) {
                        nulls.add(g);
                    }
                    continue;
                }
                if (!known.contains(id)) {
                    unknown.add(id);
                } else if (!seen.add(id)) {
                    duplicate.add(id);
                }
            }
        }
        TreeSet<Long> missing = new TreeSet<>(known);
        missing.removeAll(seen);
        return new BallotCheck(List.copyOf(missing), List.copyOf(duplicate), List.copyOf(unknown), List.copyOf(empty),
                List.copyOf(nulls));
    }

    /**
     * Combines the ballots.
     *
     * @param candidates distinct ids, at least one
     * @param ballots    each valid for the candidates ({@link #check}); zero ballots tie everyone
     * @throws IllegalArgumentException naming the first invalid ballot, or bad candidates
     */
    public static SchulzeResult compute(Collection<Long> candidates, List<List<List<Long>>> ballots) {
        List<Long> ids = new ArrayList<>(new TreeSet<>(candidates));
        if (ids.isEmpty() || ids.size() != candidates.size()) {
            throw new IllegalArgumentException("candidates must be distinct, non-null and at least one");
        }
        for (int b = 0; b < ballots.size(); b++) {
            BallotCheck check = check(ids, ballots.get(b));
            if (!check.valid()) {
                throw new IllegalArgumentException("ballot " + b + ": " + String.join("; ", check.problems()));
            }
        }
        int n = ids.size();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ids.get(i), i);
        }
        List<int[]> levels = new ArrayList<>(ballots.size()); // per ballot: candidate index -> group position
        for (List<List<Long>> ballot : ballots) {
            int[] level = new int[n];
            for (int g = 0; g < ballot.size(); g++) {
                for (Long id : ballot.get(g)) {
                    level[index.get(id)] = g;
                }
            }
            levels.add(level);
        }
        int[][] d = new int[n][n];
        for (int[] level : levels) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (level[i] < level[j]) {
                        d[i][j]++;
                    }
                }
            }
        }
        int[][] p = strongestPaths(d);
        List<List<Long>> places = places(ids, p);
        List<List<List<Long>>> canonicalBallots = canonicalBallots(ballots);
        byte[] hash = CanonicalJson.sha256Bytes(CanonicalJson.write(canonicalInput(ids, canonicalBallots)));
        String inputDigest = java.util.HexFormat.of().formatHex(hash);
        long seed = ByteBuffer.wrap(hash).getLong();
        List<Long> tbrc = tieBreakingRanking(ids, canonicalBallots, new Random(seed));
        Map<Long, Integer> tbrcPosition = new HashMap<>();
        for (int i = 0; i < tbrc.size(); i++) {
            tbrcPosition.put(tbrc.get(i), i);
        }
        List<Long> order = new ArrayList<>(n);
        for (List<Long> group : places) {
            group.stream().sorted(Comparator.comparing(tbrcPosition::get)).forEach(order::add);
        }
        return new SchulzeResult(ids, ballots.size(), d, p, places, tbrc, order, inputDigest, seed);
    }

    /** Widest paths by winning votes (Floyd–Warshall variant, Schulze 2011, section 2.3). */
    static int[][] strongestPaths(int[][] d) {
        int n = d.length;
        int[][] p = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && d[i][j] > d[j][i]) {
                    p[i][j] = d[i][j];
                }
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                if (i == k) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (j != i && j != k) {
                        p[i][j] = Math.max(p[i][j], Math.min(p[i][k], p[k][j]));
                    }
                }
            }
        }
        return p;
    }

    /** Unbeaten candidates first, then the unbeaten among the rest, ...; each group ascending by id. */
    private static List<List<Long>> places(List<Long> ids, int[][] p) {
        int n = ids.size();
        boolean[] placed = new boolean[n];
        List<List<Long>> out = new ArrayList<>();
        int left = n;
        while (left > 0) {
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (placed[i]) {
                    continue;
                }
                boolean beaten = false;
                for (int j = 0; j < n && !beaten; j++) {
                    beaten = !placed[j] && j != i && p[j][i] > p[i][j];
                }
                if (!beaten) {
                    winners.add(i);
                }
            }
            // Transitivity of "beats" guarantees an unbeaten candidate; guard against an endless loop anyway.
            if (winners.isEmpty()) {
                throw new IllegalStateException("no unbeaten candidate: the beat relation is not transitive");
            }
            List<Long> group = new ArrayList<>();
            for (int i : winners) {
                placed[i] = true;
                group.add(ids.get(i));
            }
            left -= winners.size();
            out.add(List.copyOf(group));
        }
        return List.copyOf(out);
    }

    /** Ballots in a form independent of how they were given: groups sorted, then ballots sorted by their JSON. */
    static List<List<List<Long>>> canonicalBallots(List<List<List<Long>>> ballots) {
        List<List<List<Long>>> out = new ArrayList<>();
        for (List<List<Long>> ballot : ballots) {
            out.add(ballot.stream().map(g -> g.stream().sorted().toList()).toList());
        }
        out.sort(Comparator.comparing(CanonicalJson::write));
        return out;
    }

    private static Map<String, Object> canonicalInput(List<Long> ids, List<List<List<Long>>> canonicalBallots) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("method", METHOD);
        input.put("candidates", ids);
        input.put("ballots", canonicalBallots);
        return input;
    }

    /**
     * Schulze's TBRC: the ballots in a random order each refine what the previous left tied; what
     * is still tied at the end is shuffled. All randomness comes from {@code rnd}.
     */
    static List<Long> tieBreakingRanking(List<Long> ids, List<List<List<Long>>> canonicalBallots, Random rnd) {
        List<List<List<Long>>> drawn = shuffled(canonicalBallots, rnd);
        List<List<Long>> classes = new ArrayList<>();
        classes.add(new ArrayList<>(ids));
        for (List<List<Long>> ballot : drawn) {
            if (classes.size() == ids.size()) {
                break;
            }
            Map<Long, Integer> level = new HashMap<>();
            for (int g = 0; g < ballot.size(); g++) {
                for (Long id : ballot.get(g)) {
                    level.put(id, g);
                }
            }
            List<List<Long>> refined = new ArrayList<>();
            for (List<Long> cls : classes) {
                if (cls.size() == 1) {
                    refined.add(cls);
                    continue;
                }
                Map<Integer, List<Long>> byLevel = new java.util.TreeMap<>();
                for (Long id : cls) {
                    byLevel.computeIfAbsent(level.get(id), k -> new ArrayList<>()).add(id);
                }
                refined.addAll(byLevel.values());
            }
            classes = refined;
        }
        List<Long> out = new ArrayList<>(ids.size());
        for (List<Long> cls : classes) {
            List<Long> sorted = new ArrayList<>(cls);
            sorted.sort(null);
            out.addAll(cls.size() == 1 ? sorted : shuffled(sorted, rnd));
        }
        return List.copyOf(out);
    }

    /** Fisher–Yates from the last position down, j = rnd.nextInt(i + 1): a new list. */
    static <T> List<T> shuffled(List<T> list, Random rnd) {
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
