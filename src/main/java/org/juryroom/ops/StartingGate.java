package org.juryroom.ops;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.juryroom.common.EarlyAnswers;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;

/**
 * While the start steps run beside the boot (production, {@link StartSteps}), the HTTP server is already
 * listening but the schema may still be migrating and the first organiser not yet made: every request
 * but the health checks gets 503 with Retry-After, so nobody meets a half-migrated database. Ahead of
 * every other filter; once the start is done it costs one volatile read. A browser gets the error page.
 */
@ApplicationScoped
public class StartingGate {

    static final int PRIORITY = 1000;
    static final Problem STARTING = ProblemException.unavailable(
            "The system is starting; nothing was changed, please try again in a few seconds").toProblem();

    private final StartSteps steps;
    private final EarlyAnswers refusals;

    public StartingGate(StartSteps steps, EarlyAnswers refusals) {
        this.steps = steps;
        this.refusals = refusals;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        handle(ctx, steps.ready());
    }

    void handle(RoutingContext ctx, boolean ready) {
        if (!holds(ready, ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        refusals.answer(ctx, STARTING);
    }

    /** Whether a request for {@code path} is held back: only before the start is done, never a health check. */
    static boolean holds(boolean ready, String path) {
        return !ready && !(path.equals("/q/health") || path.startsWith("/q/health/"));
    }
}
