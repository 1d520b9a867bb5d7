package org.juryroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.juryroom.common.DatabaseOutage;
import org.juryroom.common.EarlyAnswers;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemMappers;
import org.juryroom.i18n.Languages;

import java.util.Locale;

/**
 * Refusals the HTTP layer answers before any resource runs: the start-up gate, a declared body over the
 * limit, the database gone while a signed-in session is resumed. Like every other refusal they are in the
 * reader's language; at a page's address, to anyone but a page's script asking for JSON, they are the same
 * error page a page method's refusal is, else the API's problem document. The page has the signed-out frame:
 * who is signed in may be unknown here (finding out may be what failed), and its forms would not be theirs.
 */
@ApplicationScoped
public class EarlyRefusals implements EarlyAnswers {

    /** Set on a request whose error page is rendered here: its frame must not ask who is signed in. */
    static final String SIGNED_OUT_FRAME = "juryroom.early-refusal";

    private final ObjectMapper json;
    private final DatabaseOutage outage;

    public EarlyRefusals(ObjectMapper json, DatabaseOutage outage) {
        this.json = json;
        this.outage = outage;
    }

    /** Also closes the connection when the request's body is left unread, as Quarkus does. */
    @Override
    public void answer(RoutingContext ctx, Problem problem) {
        String language = Languages.of(ctx.request(), savedLanguage(ctx));
        boolean page = asPage(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.ACCEPT));
        Problem said = page ? problem.onPage(language) : problem.localised(language);
        String body;
        try {
            body = page ? page(ctx, said, language) : json.writeValueAsString(said);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = ctx.response().setStatusCode(said.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, page ? "text/html;charset=UTF-8"
                        : ProblemMappers.PROBLEM_JSON.toString())
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (said.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, ProblemMappers.RETRY_AFTER_SECONDS);
        }
        if (page) {
            WebFilters.harden(response.headers(), ctx.normalizedPath()); // the gate answers before WebFilters
        }
        if (unreadBody(ctx.request())) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .endHandler(v -> ctx.request().connection().close());
        }
        response.end(body);
    }

    /** A page's address, unless the caller asked for JSON and not HTML (a page's script, e.g. the uploader). */
    static boolean asPage(String path, String accept) {
        if (!PageProblems.isPage(path)) {
            return false;
        }
        String types = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return !types.contains("json") || types.contains("text/html");
    }

    /** The signed-in user's saved language, when the sign-in has already been resolved for this request. */
    private static String savedLanguage(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(Languages.ATTRIBUTE);
    }

    private static boolean unreadBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean declared = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.isBlank() && !length.strip().equals("0");
        return declared && !request.isEnded();
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
        if (ctx.response().ended() || ctx.response().headWritten() || !DatabaseOutage.is(ctx.failure())) {
            ctx.next();
            return;
        }
        outage.noticed(ctx.failure());
        answer(ctx, DatabaseOutage.problem(ctx.failure()).toProblem());
    }
}
