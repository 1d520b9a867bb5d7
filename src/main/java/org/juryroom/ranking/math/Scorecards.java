package org.juryroom.ranking.math;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scorecard validation and the weighted total on a 0..100 scale:
 * <pre>
 *   total = 100 * sum_i( w_i * (s_i - min_i) / (max_i - min_i) ) / sum_i( w_i )
 * </pre>
 */
public final class Scorecards {

    private Scorecards() {
    }

    /**
     * Every problem with {@code scores} against {@code criteria}, not just the first: missing and out-of-range
     * scores in rubric order, then unknown criterion codes in alphabetical order (so the output is deterministic
     * whatever the map's iteration order). Empty list means valid.
     */
    public static List<Violation> validate(List<Criterion> criteria, Map<String, Integer> scores) {
        checkRubric(criteria);
        List<Violation> out = new ArrayList<>();
        for (Criterion c : criteria) {
            Integer s = scores.get(c.code());
            if (s == null) {
                out.add(new Violation(c.code(), "score missing"));
            } else if (!c.inRange(s)) {
                out.add(new Violation(c.code(),
                        "score " + s + " outside " + c.minScore() + ".." + c.maxScore()));
            }
        }
        Set<String> known = new HashSet<>();
        criteria.forEach(c -> known.add(c.code()));
        for (String code : new TreeSet<>(scores.keySet())) {
            if (!known.contains(code)) {
                out.add(new Violation(code, "unknown criterion"));
            }
        }
        return out;
    }

    /**
     * Weighted total in [0, 100].
     *
     * @throws ScorecardValidationException listing all violations if the scorecard is not valid
     */
    public static double weightedTotal(List<Criterion> criteria, Map<String, Integer> scores) {
        List<Violation> violations = validate(criteria, scores);
        if (!violations.isEmpty()) {
            throw new ScorecardValidationException(violations);
        }
        double weighted = 0;
        double weights = 0;
        for (Criterion c : criteria) {
            weighted += c.weight() * c.normalise(scores.get(c.code()));
            weights += c.weight();
        }
        return 100.0 * weighted / weights;
    }

    // A broken rubric is a programming/configuration error, not a juror's mistake: fail fast.
    private static void checkRubric(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("rubric has no criteria");
        }
        Set<String> seen = new HashSet<>();
        for (Criterion c : criteria) {
            if (!seen.add(c.code())) {
                throw new IllegalArgumentException("duplicate criterion code " + c.code());
            }
        }
    }
}
