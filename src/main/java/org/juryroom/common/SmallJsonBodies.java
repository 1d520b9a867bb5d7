package org.juryroom.common;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * A small JSON body is read whole on the event loop before its endpoint runs. Quarkus REST otherwise
 * reads a blocking endpoint's body on the worker thread through a stream that hands over to the event
 * loop and back for each piece and again for the end: two thread hand-overs per request, a large part
 * of a scorecard save at one client. Anything else keeps the stream: uploads (multipart or raw), a
 * chunked body, and JSON over {@link #MAX_BYTES}, so no request can make the server hold more than that
 * for it. Runs after {@link BodyLimit}'s checks.
 */
@ApplicationScoped
public class SmallJsonBodies {

    /** Far above any JSON the API takes apart from an import, which keeps streaming. */
    static final int MAX_BYTES = 256 * 1024;

    // Vert.x' own reader: Expect: 100-continue, a paused request and the end of the body handled as Vert.x does.
    private final BodyHandler reader = BodyHandler.create(false).setBodyLimit(MAX_BYTES);

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 2).handler(this::readSmallJson);
    }

    private void readSmallJson(RoutingContext ctx) {
        if (smallJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE),
                ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH))) {
            reader.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** A declared length of at most {@link #MAX_BYTES} and a JSON media type ({@code application/json}, {@code +json}). */
    static boolean smallJson(String contentType, String contentLength) {
        if (contentType == null || contentLength == null) {
            return false;
        }
        long length;
        try {
            length = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return false; // Vert.x answers a malformed Content-Length itself
        }
        if (length <= 0 || length > MAX_BYTES) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
