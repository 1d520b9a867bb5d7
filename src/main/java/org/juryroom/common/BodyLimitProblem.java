package org.juryroom.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP layer refuses a body over {@code quarkus.http.limits.max-body-size} while it streams
 * (also when it is chunked, without Content-Length), before any resource runs, so
 * {@link ProblemMappers} never sees it: this answers that 413 as a problem document too.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private final long limitBytes;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limitBytes = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(413).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON.toString())
                    .end("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,\"detail\":"
                            + "\"The request is larger than this server accepts (" + limitBytes + " bytes)\","
                            + "\"limitBytes\":" + limitBytes + "}");
        });
    }
}
