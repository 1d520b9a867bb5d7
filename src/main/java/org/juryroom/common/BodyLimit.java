package org.juryroom.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-wide cap on a request body ({@code quarkus.http.limits.max-body-size}, env
 * JURYROOM_MAX_UPLOAD), answered like every other error: a 413 problem document that states the
 * limit (at a page, to a browser, the error page), never Vert.x's bare 413. Three places see a body pass it:
 * <ul>
 *   <li>a declared Content-Length: refused here, ahead of Quarkus' own check and before any byte
 *       is read (after the sign-in, which reads no body);</li>
 *   <li>a chunked multipart body: the multipart parser throws a 413 {@code WebApplicationException},
 *       which {@link ProblemMappers} turns into {@link #tooLarge()};</li>
 *   <li>a chunked raw body read as a stream (the streaming upload): the upload code counts and
 *       throws {@link #tooLarge()} itself. Quarkus' stream reader would otherwise answer a bare 413
 *       at the same limit, one buffer ahead of the upload code; so for requests without
 *       Content-Length its copy of the limit is raised by {@link #READ_AHEAD}, and ours is the check
 *       that answers.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimit {

    /** Where Quarkus' upload-limit route leaves the limit for its stream reader (VertxInputStream). */
    static final String QUARKUS_STREAM_LIMIT = "io.quarkus.max-request-size";
    /** More than the stream reader can have received beyond what the upload code has read. */
    static final long READ_AHEAD = 1L << 20;

    private final long limit;
    private final EarlyAnswers refusals;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                     EarlyAnswers refusals) {
        this.limit = limit.asLongValue();
        this.refusals = refusals;
    }

    /** The largest request body the server accepts, in bytes. */
    public long bytes() {
        return limit;
    }

    public ProblemException tooLarge() {
        return ProblemException.tooLarge("The request body is larger than the server's limit of " + limit
                + " bytes", limit);
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredOverLimit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(BodyLimit::leaveStreamsToUs);
    }

    private void refuseDeclaredOverLimit(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            ctx.next(); // Vert.x answers a malformed Content-Length itself
            return;
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        refusals.answer(ctx, tooLarge().toProblem()); // the body is left unread, so the connection is closed
    }

    private static void leaveStreamsToUs(RoutingContext ctx) {
        Long quarkusLimit = ctx.get(QUARKUS_STREAM_LIMIT);
        if (quarkusLimit != null) {
            ctx.put(QUARKUS_STREAM_LIMIT, quarkusLimit + READ_AHEAD);
        }
        ctx.next();
    }
}
