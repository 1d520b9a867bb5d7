package org.juryroom.common;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test only: tells a request that asks ({@value #ASK}) whether its body was read ahead by
 * {@link SmallJsonBodies}, in the response header {@value #ANSWER}, so a test can tell the two paths apart.
 */
@ApplicationScoped
public class ReadAheadProbe {

    static final String ASK = "X-Probe-Read-Ahead";
    static final String ANSWER = "X-Read-Ahead";

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 3).handler(ctx -> {
            if (ctx.request().getHeader(ASK) != null) {
                ctx.response().putHeader(ANSWER, Boolean.toString(ctx.body().available()));
            }
            ctx.next();
        });
    }
}
