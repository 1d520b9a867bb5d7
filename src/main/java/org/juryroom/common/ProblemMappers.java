package org.juryroom.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/** Every error leaves the API as an RFC 9457 problem document; mapped here and nowhere else. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    /** Sent with every 503 (a store or the database is down): when to try again. */
    public static final String RETRY_AFTER_SECONDS = "10";

    private final BodyLimit bodyLimit;
    private final DatabaseOutage outage;

    public ProblemMappers(BodyLimit bodyLimit, DatabaseOutage outage) {
        this.bodyLimit = bodyLimit;
        this.outage = outage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        outage.noticed(e); // a 503 caused by the database going away, here or in a service that caught it
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return respond(invalid(e));
    }

    /** Bean Validation's findings as the problem the API answers with (the web forms show the same). */
    public static Problem invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field))
                .toList();
        // Well-formed but invalid content is 422, like the services' own rule checks; 400 is for
        // requests that cannot be read at all (malformed JSON, missing parts, bad paging).
        return new Problem("about:blank", "Unprocessable entity", 422,
                "The request is invalid: fix the fields listed in violations", violations, null);
    }

    /**
     * JSON that cannot be read. Malformed JSON is 400; well-formed JSON with a value of the wrong
     * type at a field (a fraction or text for a whole number, an unknown enum value, text with a NUL)
     * is content that is invalid, 422 like a failed validation, with the field in violations.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        // What went wrong first: Jackson wraps a parser's failure in a mapping exception with the path.
        JsonProcessingException source = e instanceof JsonMappingException
                && e.getCause() instanceof StreamReadException read ? read : e;
        boolean parsed = !(source instanceof StreamReadException) || source instanceof InputCoercionException;
        String field = field(source);
        if (field.isEmpty()) {
            field = field(e);
        }
        if (!parsed || field.isEmpty()) {
            return respond(new Problem("about:blank", "Bad request", 400,
                    "The request body is not valid JSON for this endpoint" + (field.isEmpty() ? "" : " (at " + field + ")"),
                    List.of(), null));
        }
        return respond(new Problem("about:blank", "Unprocessable entity", 422,
                "The request is invalid: fix the fields listed in violations",
                List.of(new Problem.Violation(field, expected(source))), null));
    }

    /** JSON of the wrong shape (e.g. an unknown enum value); without this, Quarkus' own non-problem body is sent. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** Where in the body: the path Jackson recorded, or else where its parser stood. */
    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        }
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            java.util.Deque<String> steps = new java.util.ArrayDeque<>();
            for (JsonStreamContext c = read.getProcessor().getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    steps.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
                } else if (c.getCurrentName() != null) {
                    steps.push("." + c.getCurrentName());
                }
            }
            String path = String.join("", steps);
            return path.startsWith(".") ? path.substring(1) : path;
        }
        return "";
    }

    /** What the field takes, in words (Jackson's own messages name Java types). */
    private static String expected(JsonProcessingException e) {
        if (e instanceof StrictJson.InvalidText) {
            return e.getOriginalMessage();
        }
        if (e instanceof InputCoercionException) {
            return "is out of range";
        }
        Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return "invalid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "must be a whole number (a JSON integer, not text or a fraction)";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number (not text)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return oneOf(type);
        }
        if (type == String.class) {
            return "must be text";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date-time such as 2026-03-01T09:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "invalid value";
    }

    /** What a value of an enum type must be, as the API says it when one is not. */
    public static String oneOf(Class<?> type) {
        return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
    }

    /** A query or form parameter that is not a number, or is out of range. */
    @ServerExceptionMapper
    public Response badParameter(NumberParams.BadParameter e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401,
                        "Sign in first (HTTP Basic on /api)", List.of(), null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"JuryRoom\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(new UnauthorizedException());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem("about:blank", "Forbidden", 403,
                "Your role may not do this", List.of(), null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(new Problem("about:blank", "Not found", 404, "No such resource", List.of(), null));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(new Problem("about:blank", "Method not allowed", 405,
                "This resource does not support that method", List.of(), null));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return respond(new Problem("about:blank", "Unsupported media type", 415,
                "This endpoint does not accept that Content-Type", List.of(), null));
    }

    /**
     * The multipart parser fails with an IOException when the body ends before its closing boundary: the client's
     * to mend ({@link UnreadableBodies}, which {@link #unexpected} asks too). Any other IOException keeps the debug
     * line RESTEasy Reactive gives an unmapped one, now with the problem body.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        ProblemException unreadable = UnreadableBodies.of(e);
        if (unreadable != null) {
            LOG.debug("Unreadable multipart body");
            return problem(unreadable);
        }
        // RESTEasy Reactive's own level for an unmapped IOException, most often a client gone mid-request.
        LOG.debug("I/O error while serving a request", e);
        return internal();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' JSON reader wraps what it cannot read in a bare 400: say where and what instead.
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 413) {
            // The multipart parser's answer to a chunked body passing the server's limit.
            return problem(bodyLimit.tooLarge());
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        // The framework's own message is English and technical ("HTTP 406 Not Acceptable"): logged, not shown.
        LOG.debugf("Refused with %d: %s", status, e.getMessage());
        return respond(new Problem("about:blank", title, status, "This request cannot be served (HTTP " + status + ")",
                List.of(), null));
    }

    /** Concurrent writes (see {@link ConcurrentWrites}) are 409 wherever they happen; wrapped ones are caught below. */
    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class,
            jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            org.hibernate.StaleStateException.class, org.hibernate.exception.LockAcquisitionException.class})
    public Response concurrentWrite(RuntimeException e) {
        LOG.debug("Concurrent write refused", e);
        return respond(ConcurrentWrites.problem());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.is(e)) {
            return problem(DatabaseOutage.problem(e));
        }
        if (ConcurrentWrites.isConflict(e)) {
            return concurrentWrite(e);
        }
        if (TooLongTexts.is(e)) {
            // A check to mend; the types only: the database's message quotes the row (a child's name).
            LOG.warnf("A text longer than its column passed the request's checks: %s", FailureTypes.of(e));
            return respond(TooLongTexts.problem());
        }
        if (OutOfRangeDates.is(e)) {
            // A check to mend, as above; the types only, as above.
            LOG.warnf("A moment the database cannot hold passed the request's checks: %s", FailureTypes.of(e));
            return respond(OutOfRangeDates.problem());
        }
        ProblemException unreadable = UnreadableBodies.of(e);
        if (unreadable != null) {
            LOG.debug("Unreadable body"); // its message quotes the body, which may hold a password
            return problem(unreadable);
        }
        LOG.error("Unexpected failure", e);
        return internal();
    }

    private static Response internal() {
        return respond(new Problem("about:blank", "Internal server error", 500,
                "Something went wrong on our side; nothing was changed", List.of(), null));
    }

    private static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem.localised());
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static String field(jakarta.validation.Path path) {
        // Drop the method and parameter nodes ("create.request.") so the field reads as in the JSON body.
        // A node inside a list or map carries the index of its parent: participants[1].firstName.
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node n : path) {
            if (n.getKind() != jakarta.validation.ElementKind.PROPERTY
                    && n.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            Object at = n.getIndex() != null ? n.getIndex() : n.getKey();
            if (n.isInIterable() && at != null && field.length() > 0) {
                field.append('[').append(at).append(']');
            }
            String name = n.getName();
            if (name != null && !name.startsWith("<")) {
                field.append(field.length() > 0 ? "." : "").append(name);
            }
        }
        return field.length() == 0 ? path.toString() : field.toString();
    }

}
