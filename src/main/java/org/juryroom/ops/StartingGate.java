package org.juryroom.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.juryroom.common.ProblemException;
import org.juryroom.common.DatabaseOutage;
import org.juryroom.i18n.Languages;

/**
 * While the start steps run beside the boot (production, {@link StartSteps}), the HTTP server is already
 * listening but the schema may still be migrating and the first organiser not yet made: every request
 * but the health checks gets 503 with Retry-After, so nobody meets a half-migrated database. Ahead of
 * every other filter; once the start is done it costs one volatile read.
 */
@ApplicationScoped
public class StartingGate {

    static final int PRIORITY = 1000;

    private final StartSteps steps;
    private final ObjectMapper json;

    public StartingGate(StartSteps steps, ObjectMapper json) {
        this.steps = steps;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        if (!holds(steps.ready(), ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        String language = Languages.decide(ctx.request().getParam(Languages.QUERY), null,
                cookie == null ? null : cookie.getValue(), ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, language);
        DatabaseOutage.unavailable(ctx, json, ProblemException.unavailable(
                "The system is starting; nothing was changed, please try again in a few seconds").toProblem()
                .localised(language));
    }

    /** Whether a request for {@code path} is held back: only before the start is done, never a health check. */
    static boolean holds(boolean ready, String path) {
        return !ready && !(path.equals("/q/health") || path.startsWith("/q/health/"));
    }
}
