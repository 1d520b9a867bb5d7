package org.juryroom.common;

import java.util.List;
import java.util.Map;

/**
 * A domain failure that maps to one HTTP status and a problem document. Services throw it;
 * {@link ProblemMappers} turns it into JSON once, for every resource.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.Violation> violations,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "Conflict", detail, List.of(), extensions);
    }

    public static ProblemException unprocessable(String detail, List<Problem.Violation> violations) {
        return new ProblemException(422, "Unprocessable entity", detail, violations, Map.of());
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(message, List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException tooLarge(String detail, long limitBytes) {
        return new ProblemException(413, "Payload too large", detail, List.of(), Map.of("limitBytes", limitBytes));
    }

    public static ProblemException unsupportedType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service unavailable", detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), violations, extensions);
    }
}
