package org.juryroom.ranking.math;

import java.util.Objects;

/** One problem with a scorecard, tied to the criterion code it concerns (the app maps these to HTTP 422). */
public record Violation(String criterion, String message) {

    public Violation {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(message, "message");
    }
}
