package org.juryroom.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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

    private final BodyLimit bodyLimit;

    public ProblemMappers(BodyLimit bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
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

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = "";
        if (e instanceof MismatchedInputException mismatch) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        }
        String detail = e instanceof InvalidFormatException invalid
                ? "Value " + invalid.getValue() + " is not valid for " + field
                : "The request body is not valid JSON for this endpoint" + (field.isEmpty() ? "" : " (at " + field + ")");
        return respond(new Problem("about:blank", "Bad request", 400, detail,
                field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, "invalid value")), null));
    }

    /** JSON of the wrong shape (e.g. an unknown enum value); without this, Quarkus' own non-problem body is sent. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            // The multipart parser's answer to a chunked body passing the server's limit.
            return problem(bodyLimit.tooLarge());
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(new Problem("about:blank", title, status, e.getMessage(), List.of(), null));
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
        if (ConcurrentWrites.isConflict(e)) {
            return concurrentWrite(e);
        }
        LOG.error("Unexpected failure", e);
        return respond(new Problem("about:blank", "Internal server error", 500,
                "Something went wrong on our side; nothing was changed", List.of(), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
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
