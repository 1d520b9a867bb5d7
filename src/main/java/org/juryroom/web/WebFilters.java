package org.juryroom.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * HTTP-level guards for the web pages, ahead of authentication:
 * <ul>
 *   <li>gives every browser a CSRF nonce cookie (see {@link Csrf});</li>
 *   <li>(the sign-in form's CSRF token is checked by {@link SignInCsrfCheck}, once Quarkus' form
 *       authentication has read the body that carries it);</li>
 *   <li>sends the browser hardening headers: a strict Content-Security-Policy (no inline script
 *       or style), no framing, no sniffing, same-origin referrers (none from a guardian's link).</li>
 * </ul>
 * The API ({@code /api}) is left alone: it is HTTP Basic only and never reads the session cookie.
 */
@ApplicationScoped
public class WebFilters {

    /** Routing-context key holding this browser's CSRF nonce. */
    public static final String NONCE = "juryroom.csrf.nonce";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Runs before authentication (priority 200) so a forged sign-in never reaches it. */
    private static final int PRIORITY = 250;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    /**
     * A refused sign-in goes back to the sign-in page with the one generic message. The form
     * mechanism prepares that redirect, but the failed authentication then travels on to the
     * default error handling, which answers a bare 401; this handler sends the redirect instead.
     */
    void signInFailures(@Observes Router router) {
        router.post(SIGN_IN_POST).order(Integer.MIN_VALUE).failureHandler(ctx -> {
            Throwable cause = HttpSecurityRecorder.DefaultAuthFailureHandler.extractRootCause(ctx.failure());
            if (cause instanceof AuthenticationFailedException && !ctx.response().ended()) {
                SignInResource.keepTypedName(ctx); // the page keeps the username typed, not the password
                ctx.response().setStatusCode(302).putHeader("Location", "/login?failed")
                        .putHeader("Cache-Control", "no-store").end();
            } else {
                ctx.next();
            }
        });
    }

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        harden(ctx.response().headers(), path);
        if (isStaticOrPublic(path)) {
            ctx.next();
            return;
        }
        Cookie cookie = ctx.request().getCookie(Csrf.COOKIE);
        String nonce = cookie == null ? null : cookie.getValue();
        if (nonce == null || nonce.isEmpty()) {
            nonce = Csrf.newNonce();
            ctx.response().addCookie(Cookie.cookie(Csrf.COOKIE, nonce).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
        }
        ctx.put(NONCE, nonce);
        ctx.next();
    }

    /** The browser hardening headers of everything but the API (also on the HTTP layer's own error pages). */
    static void harden(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        // A link that carries a token (a guardian's, an invitation, a password reset) is its own credential:
        // not even this site's assets get it as a referrer.
        headers.set("Referrer-Policy", carriesToken(path) ? "no-referrer" : "same-origin");
        if (!path.startsWith("/files/")) {
            // File responses carry their own, stricter policy (sandbox).
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", CSP);
        }
    }

    private static boolean carriesToken(String path) {
        return path.startsWith("/consent/") || path.startsWith("/invite/") || path.startsWith("/reset/");
    }

    /** Quarkus' form-authentication post location (quarkus.http.auth.form.post-location). */
    static final String SIGN_IN_POST = "/j_security_check";

    /** Pages and files that never read the session and hold no form. */
    static boolean isStaticOrPublic(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/") || path.startsWith("/shortlist")
                || path.equals("/favicon.ico") || path.equals("/robots.txt");
    }
}
