package org.juryroom.ranking.math;

import java.util.Objects;

/**
 * One rubric criterion: scores are integers in {@code minScore..maxScore} (inclusive) and
 * contribute to the scorecard total in proportion to {@code weight}.
 */
public record Criterion(String code, double weight, int minScore, int maxScore) {

    public Criterion {
        Objects.requireNonNull(code, "code");
        // weight > 0 keeps the weighted mean well defined; NaN is rejected by the same test.
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("criterion " + code + ": weight must be a positive finite number");
        }
        // min < max, otherwise (s - min) / (max - min) divides by zero.
        if (minScore >= maxScore) {
            throw new IllegalArgumentException("criterion " + code + ": minScore must be < maxScore");
        }
    }

    /** {@code (score - min) / (max - min)}, i.e. 0.0 at the bottom of the scale and 1.0 at the top. */
    public double normalise(int score) {
        return (double) (score - minScore) / (maxScore - minScore);
    }

    public boolean inRange(int score) {
        return score >= minScore && score <= maxScore;
    }
}
