package org.juryroom.common;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test only: tells a request that asks ({@value #ASK}) whether its body was read ahead by
 * {@link SmallJsonBodies}, in the response header {@value #ANSWER}, and how many bytes of bodies are being
 * read ahead at that moment ({@value #HELD}), so a test can tell the two paths apart and watch the budget.
 */
@ApplicationScoped
public class ReadAheadProbe {

    static final String ASK = "X-Probe-Read-Ahead";
    static final String ANSWER = "X-Read-Ahead";
    static final String HELD = "X-Read-Ahead-Held";

    void install(@Observes Router router, SmallJsonBodies bodies) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 3).handler(ctx -> {
            if (ctx.request().getHeader(ASK) != null) {
                ctx.response().putHeader(ANSWER, Boolean.toString(ctx.body().available()));
                ctx.response().putHeader(HELD, Long.toString(bodies.held()));
            }
            ctx.next();
        });
    }
}
