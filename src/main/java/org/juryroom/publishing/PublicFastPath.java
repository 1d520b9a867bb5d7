package org.juryroom.publishing;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juryroom.i18n.Languages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public shortlist's answer from memory, on the IO thread, before the REST pipeline: a stranger's
 * GET of the JSON, the gallery page or the list of published competitions, when {@link PublicShortlistCache}
 * holds a copy known current without asking the database and the representation asked for was built
 * already. The same bytes, status and headers as the resources ({@link PublicShortlistResource},
 * ShortlistPages) give, decided by the same code ({@link PublicCaching}, {@link Languages#decide}); the
 * hardening headers are set before this runs (WebFilters). Anything else (a sign-in, another conditional
 * header, a copy to check or build) goes on to the resources, which stay the definition.
 */
@ApplicationScoped
public class PublicFastPath {

    /** After WebFilters (250: the pages' hardening headers), before authentication (200). */
    private static final int PRIORITY = 240;
    private static final Pattern API = Pattern.compile("/api/public/competitions/(\\d{1,18})/shortlist");
    private static final Pattern PAGE = Pattern.compile("/shortlist(?:/(\\d{1,18}))?");
    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8").toString();

    private final PublicShortlistCache cache;
    private final String formCookie;

    public PublicFastPath(PublicShortlistCache cache,
                          @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie) {
        this.cache = cache;
        this.formCookie = formCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        if (!answered(ctx)) {
            ctx.next();
        }
    }

    private boolean answered(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET || PublicCaching.signedIn(request.getHeader(HttpHeaders.AUTHORIZATION),
                name -> request.getCookie(name) != null, formCookie) || otherPreconditions(request)) {
            return false;
        }
        String path = ctx.normalizedPath();
        Matcher m;
        PublicShortlistCache.Snapshot<?> held;
        String form;
        String type;
        String vary = null;
        if ((m = API.matcher(path)).matches()) {
            held = cache.current(Long.parseLong(m.group(1)));
            form = PublicShortlistResource.FORM;
            type = JSON;
        } else if ((m = PAGE.matcher(path)).matches()) {
            held = cache.current(m.group(1) == null ? PublicShortlistCache.PUBLISHED : Long.parseLong(m.group(1)));
            Cookie cookie = request.getCookie(Languages.COOKIE);
            String asked = request.getParam(Languages.QUERY);
            form = PublicCaching.pageForm(Languages.decide(asked, null, cookie == null ? null : cookie.getValue(),
                    request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
            type = HTML;
            vary = Languages.supported(asked) ? null : PublicCaching.PAGE_VARY;
        } else {
            return false;
        }
        PublicShortlistCache.Body body = held == null ? null : held.bodies().get(form);
        if (body == null) {
            return false;
        }
        Boolean unchanged = PublicCaching.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), body.tag());
        if (unchanged == null) {
            return false;
        }
        var response = ctx.response();
        response.headers().set(HttpHeaders.ETAG, body.tag().toString())
                .set(HttpHeaders.CACHE_CONTROL, PublicCaching.SHARED);
        if (vary != null) {
            response.headers().set(HttpHeaders.VARY, vary);
        }
        if (unchanged) {
            response.setStatusCode(304).end();
        } else {
            response.headers().set(HttpHeaders.CONTENT_TYPE, type);
            response.setStatusCode(200).end(Buffer.buffer(body.bytes()));
        }
        return true;
    }

    /** Conditions other than If-None-Match are left to the resources' full evaluation. */
    private static boolean otherPreconditions(HttpServerRequest request) {
        var h = request.headers();
        return h.contains(HttpHeaders.IF_MATCH) || h.contains(HttpHeaders.IF_MODIFIED_SINCE)
                || h.contains(HttpHeaders.IF_UNMODIFIED_SINCE) || h.contains("If-Range") || h.contains("Range");
    }
}
