package org.juryroom.publishing;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public responses (the gallery pages, its pictures, the public API) may be kept by caches. The
 * shortlist pages and JSON ({@link #SHARED}): browsers revalidate every use, a shared cache (CDN)
 * may serve its copy for a few seconds and must then revalidate; the app answers revalidation from
 * memory (PublicShortlistCache), so a withdrawal, a hold or an unpublication is seen at once by
 * anyone asking the app, and through a CDN within those seconds. Pictures are revalidated on
 * every use ({@link #REVALIDATE}). Whatever the URL, a response rendered for a signed-in identity
 * (a page showing their name, a CSRF token, a lead's badge) is {@link #PERSONAL}: never kept by any
 * cache, whatever the resource set ({@link #revalidate}, the one place).
 */
public class PublicCaching {

    public static final String PERSONAL = "private, no-store";

    public static final String REVALIDATE = "public, no-cache";
    public static final String SHARED = "public, max-age=0, s-maxage=5, must-revalidate";

    /** A page's copies differ by language: a shared cache keys them on both sources a URL without ?lang= uses. */
    public static final String PAGE_VARY = jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE + ", "
            + jakarta.ws.rs.core.HttpHeaders.COOKIE;

    /** The name of a page's representation in a snapshot, per language (en, hi, bn). */
    public static String pageForm(String language) {
        return "html|" + org.juryroom.i18n.Languages.localeOf(language).toLanguageTag();
    }

    /** 304 when the client or cache holds this body already; otherwise the body, with its tag. */
    public static Response respond(Request request, PublicShortlistCache.Body body, MediaType type) {
        Response.ResponseBuilder unchanged = unchanged(request, body.tag(), SHARED);
        if (unchanged != null) {
            return unchanged.build();
        }
        return Response.ok(body.bytes(), type).tag(body.tag()).header("Cache-Control", SHARED).build();
    }

    /**
     * A public GET's conditions against the current version's tag: 304 with {@code cacheControl} when the
     * client or cache holds it, null when the body is to be sent. A condition that fails (If-Match naming
     * another version) is the asker's alone: a 412 problem, like any refusal, never an empty answer under
     * the public rule, which a shared cache could keep and serve, for its seconds, to everyone.
     */
    public static Response.ResponseBuilder unchanged(Request request, jakarta.ws.rs.core.EntityTag tag,
                                                     String cacheControl) {
        Response.ResponseBuilder evaluated = request.evaluatePreconditions(tag);
        if (evaluated == null) {
            return null;
        }
        Response answer = evaluated.build();
        if (answer.getStatus() != Response.Status.NOT_MODIFIED.getStatusCode()) {
            throw new org.juryroom.common.ProblemException(answer.getStatus(), "Precondition failed",
                    "What this address shows has changed since the version the request names: load it again");
        }
        return Response.fromResponse(answer).header("Cache-Control", cacheControl);
    }

    /**
     * For the answer from memory ({@link PublicFastPath}): whether an {@code If-None-Match} header is this
     * tag (true) or another single strong tag, or absent (false); null for anything else (weak tags, lists,
     * {@code *}), which the resources' {@code Request.evaluatePreconditions} decides.
     */
    static Boolean notModified(String ifNoneMatch, jakarta.ws.rs.core.EntityTag tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String t = ifNoneMatch.strip();
        if (t.length() < 2 || t.charAt(0) != '"' || t.indexOf('"', 1) != t.length() - 1) {
            return null;
        }
        return t.substring(1, t.length() - 1).equals(tag.getValue());
    }

    private final String formCookie;

    public PublicCaching(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie) {
        this.formCookie = formCookie;
    }

    /**
     * Whether the request carries a sign-in (a session cookie or an Authorization header): decided from
     * the request, not the identity, because an authentication failure is answered on the IO thread,
     * where the identity may not be resolved.
     */
    private boolean signedIn(ContainerRequestContext request) {
        return signedIn(request.getHeaderString("Authorization"), request.getCookies()::containsKey, formCookie);
    }

    /** The one rule for both paths (here and {@link PublicFastPath}): credentials in the header or a cookie. */
    static boolean signedIn(String authorization, java.util.function.Predicate<String> hasCookie, String formCookie) {
        return authorization != null || hasCookie.test(org.juryroom.access.BrowserSessions.COOKIE)
                || hasCookie.test(formCookie);
    }

    /**
     * A signed-in caller's response is theirs alone: a "public" one (or none said) becomes
     * {@link #PERSONAL}; one already private or no-store keeps its own rule. Otherwise a {@link PublicAnswer}
     * route's answer, where the route set no rule of its own, is {@link #REVALIDATE}: the rule follows what
     * the route is, not where it lives (the final result is under /api/competitions).
     */
    @ServerResponseFilter
    public void revalidate(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo route) {
        if (signedIn(request)) {
            Object said = response.getHeaders().getFirst("Cache-Control");
            if (said == null || !(said.toString().startsWith("private") || said.toString().contains("no-store"))) {
                response.getHeaders().putSingle("Cache-Control", PERSONAL);
            }
        } else if (isPublicAnswer(route) && !response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", REVALIDATE);
        }
    }

    /** Whether the matched route (none: no route matched) is a {@link PublicAnswer}, on its method or class. */
    private static boolean isPublicAnswer(ResourceInfo route) {
        java.lang.reflect.Method method = route == null ? null : route.getResourceMethod();
        return method != null && (method.isAnnotationPresent(PublicAnswer.class)
                || route.getResourceClass().isAnnotationPresent(PublicAnswer.class));
    }
}
