package org.juryroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.juryroom.common.DatabaseOutage;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemMappers;
import org.juryroom.i18n.Languages;

/**
 * Refusals the HTTP layer answers before any resource runs: the start-up gate, a declared body over the
 * limit, the database gone while a signed-in session is resumed. Like every
 * other refusal they are in the reader's language; at a page's address, to anyone but a page's script asking
 * for JSON, they are the same error page a page method's refusal is, else the API's problem document. Who is
 * signed in is not known here (finding out may be what failed), so the page has the signed-out frame.
 */
@ApplicationScoped
public class EarlyRefusals {

    /** Set on a request whose error page is rendered here: its frame must not ask who is signed in. */
    static final String SIGNED_OUT_FRAME = "juryroom.early-refusal";

    private final ObjectMapper json;
    private final DatabaseOutage outage;

    public EarlyRefusals(ObjectMapper json, DatabaseOutage outage) {
        this.json = json;
        this.outage = outage;
    }

    /**
     * Answers {@code problem} (in English; said here in the reader's language) and ends the response. The caller
     * closes the connection itself when the body is left unread.
     */
    public void answer(RoutingContext ctx, Problem problem) {
        String language = Languages.of(ctx.request(), null);
        Problem said = problem.localised(language);
        var response = ctx.response().setStatusCode(said.status())
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (said.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, ProblemMappers.RETRY_AFTER_SECONDS);
        }
        if (asPage(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            WebFilters.harden(response.headers(), ctx.normalizedPath());
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(page(ctx, said, language));
            return;
        }
        try {
            response.putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON.toString())
                    .end(json.writeValueAsString(said));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page's address, unless the caller asked for JSON and not HTML (a page's script, e.g. the uploader). */
    static boolean asPage(String path, String accept) {
        if (!PageProblems.isPage(path)) {
            return false;
        }
        String types = accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
        return !types.contains("json") || types.contains("text/html");
    }

    /** The error page, rendered outside RESTEasy: its frame reads the request scope, active here only for it. */
    private static String page(RoutingContext ctx, Problem said, String language) {
        ctx.put(SIGNED_OUT_FRAME, Boolean.TRUE);
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
            if (current.getCurrent() == null) {
                current.setCurrent(ctx);
            }
            return WebErrors.render(said, language);
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    /**
     * The database gone while a signed-in session is resumed, before any resource runs: 503, and the pool is told.
     * Anything else that fails this early goes on to Quarkus' own handler.
     */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
        } else if (DatabaseOutage.is(ctx.failure())) {
            outage.noticed(ctx.failure());
            answer(ctx, DatabaseOutage.problem(ctx.failure()).toProblem());
        } else {
            ctx.next();
        }
    }
}
