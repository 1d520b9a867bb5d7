package org.juryroom.publishing;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
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
    private final java.util.concurrent.atomic.LongAdder answers = new java.util.concurrent.atomic.LongAdder();

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
                name -> request.getCookie(name) != null, formCookie) || otherPreconditions(request)
                || !onlyLanguageAsked(request) || request.headers().getAll(HttpHeaders.ACCEPT_LANGUAGE).size() > 1) {
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
            form = PublicCaching.pageForm(Languages.of(request, null));
            type = HTML;
            vary = Languages.supported(request.getParam(Languages.QUERY)) ? null : PublicCaching.PAGE_VARY;
        } else {
            return false;
        }
        PublicShortlistCache.Body body = held == null ? null : held.bodies().get(form);
        if (body == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), type)) {
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
        answers.increment(); // before the response leaves, so whoever reads it sees the count
        if (unchanged) {
            response.setStatusCode(304).end();
        } else {
            response.headers().set(HttpHeaders.CONTENT_TYPE, type);
            response.setStatusCode(200).end(Buffer.buffer(body.bytes()));
        }
        return true;
    }

    /** How many requests were answered here (tests tell the two paths apart by it). */
    long answers() {
        return answers.sum();
    }

    /** No query but {@code ?lang=}: the resources judge any other parameter (and refuse a bad one). */
    private static boolean onlyLanguageAsked(HttpServerRequest request) {
        return request.params().names().stream().allMatch(Languages.QUERY::equals)
                && request.params().getAll(Languages.QUERY).size() <= 1;
    }

    /**
     * Whether {@code Accept} lets the resources answer with {@code type} (they produce only that one): no
     * header, or the most specific range matching it (the type, its family, anything) has a weight above
     * 0; a header that does not parse is left to the resources.
     */
    static boolean accepts(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String base = type.split(";")[0].strip();
        String family = base.substring(0, base.indexOf('/')) + "/*";
        int specificity = -1;
        double weight = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String r = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            int s = r.equals(base) ? 2 : r.equals(family) ? 1 : r.equals("*/*") ? 0 : -1;
            if (s <= specificity) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            specificity = s;
            weight = q;
        }
        return specificity >= 0 && weight > 0;
    }

    /** Conditions other than If-None-Match are left to the resources' full evaluation. */
    private static boolean otherPreconditions(HttpServerRequest request) {
        var h = request.headers();
        return h.contains(HttpHeaders.IF_MATCH) || h.contains(HttpHeaders.IF_MODIFIED_SINCE)
                || h.contains(HttpHeaders.IF_UNMODIFIED_SINCE) || h.contains("If-Range") || h.contains("Range");
    }
}
