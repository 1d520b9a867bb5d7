package org.juryroom.common;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * A signed-in API caller's small JSON body is read whole on the IO thread before its endpoint runs.
 * Quarkus REST otherwise reads a blocking endpoint's body on the worker through a stream that hands over
 * to the IO thread and back for the data and again for its end, two of the three hand-overs a token's
 * scorecard save made before its first statement (docs/performance.md). Everything else keeps the
 * stream: anonymous callers (refused before any byte is read, as before), pages, chunked bodies, other
 * media types and JSON over {@link #MAX_BYTES}. Bodies being read ahead hold at most {@link #BUDGET_BYTES}
 * together; past it a request streams as before, so stalled clients cannot fill the heap.
 */
@ApplicationScoped
public class SmallJsonBodies {

    private static final Logger LOG = Logger.getLogger(SmallJsonBodies.class);

    /** Far above the API's JSON bodies (a save is under 200 bytes); an import streams. */
    static final int MAX_BYTES = 64 * 1024;
    /** All bodies being read ahead at once. */
    static final long BUDGET_BYTES = 8L * 1024 * 1024;

    /** Set on a request whose body this class reads: its failures are this class's to answer. */
    private static final String READING = SmallJsonBodies.class.getName();

    // Vert.x' own reader: Expect: 100-continue, a paused request and the end of the body handled as Vert.x does.
    private final BodyHandler reader = BodyHandler.create(false).setBodyLimit(MAX_BYTES);
    private final ReadAheadBudget budget = new ReadAheadBudget(BUDGET_BYTES);

    // After sign-in (Quarkus' authentication filter, order -200) and BodyLimit (-3, -1); order 0 is also
    // compression's, which this route precedes by being added first and which never touches request bodies.
    void install(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 2).handler(this::readSmallJson)
                .failureHandler(SmallJsonBodies::clientGone);
    }

    private void readSmallJson(RoutingContext ctx) {
        long length = readAhead(ctx.request().method(), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE),
                ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH), ctx.request().getHeader(HttpHeaders.EXPECT),
                signedIn(ctx));
        if (length <= 0 || !budget.reserve(length)) {
            ctx.next();
            return;
        }
        ctx.addEndHandler(ended -> { // answered, failed or the connection closed: Vert.x calls this once
            if (!budget.release(length)) {
                LOG.warnf("The read-ahead budget was given back more than it held (%d bytes)", length);
            }
        });
        ctx.put(READING, Boolean.TRUE);
        reader.handle(ctx);
    }

    /** Bytes of bodies being read ahead now (for tests). */
    long held() {
        return budget.held();
    }

    private static boolean signedIn(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    /** A client that left while its body was being read: nobody to answer, nothing to log as an error. */
    private static void clientGone(RoutingContext ctx) {
        // Still reading: the body has not ended, so the failure is this class's read (a complete body has
        // gone on to the endpoint, whose failures are the error handler's).
        boolean ours = ctx.get(READING) != null && !ctx.request().isEnded();
        if (ours && (ctx.failure() instanceof HttpClosedException || ctx.failure() instanceof StreamResetException
                || ctx.response().closed())) {
            return;
        }
        ctx.next();
    }

    /**
     * The bytes to read ahead for this request, or 0 to leave it to the stream: a signed-in caller's
     * POST, PUT or PATCH with a JSON media type ({@code application/json}, {@code +json}), a declared length
     * of 1 to {@link #MAX_BYTES} bytes and no expectation other than {@code 100-continue}.
     */
    static long readAhead(HttpMethod method, String contentType, String contentLength, String expect,
                          boolean signedIn) {
        if (!signedIn || contentType == null || contentLength == null
                || !(HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method))
                || (expect != null && !expect.strip().equalsIgnoreCase("100-continue"))) {
            return 0;
        }
        long length;
        try {
            length = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return 0; // Vert.x answers a malformed Content-Length itself
        }
        if (length <= 0 || length > MAX_BYTES) {
            return 0;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))
                ? length : 0;
    }
}
