package org.juryroom.ranking.math;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Scorecards#weightedTotal} when a scorecard is incomplete or invalid; carries every violation. */
public final class ScorecardValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ScorecardValidationException(List<Violation> violations) {
        super(violations.stream()
                .map(v -> v.criterion() + ": " + v.message())
                .collect(Collectors.joining("; ", "invalid scorecard: ", "")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
