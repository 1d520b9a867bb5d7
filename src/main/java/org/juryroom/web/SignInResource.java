package org.juryroom.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.BrowserSessions;

import static org.juryroom.web.WebErrors.redirect;

/**
 * Signing in and out. The form posts to Quarkus' form authentication ({@code /j_security_check},
 * guarded by {@link WebFilters}); this resource shows the page, sends each role to its start
 * page, and signs out: the browser's session is deleted on the server ({@link BrowserSessions}), so
 * a copy of its cookies is worthless from then on.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean expired, boolean signedOut, String username);
    }

    /**
     * The username of a refused sign-in, for the page it is sent back to: the form is not lost for a mistyped
     * password. Only the name (never the password), in the browser that typed it, HttpOnly, SameSite=Strict,
     * for the sign-in page only, for two minutes, and deleted when shown; never in the URL.
     */
    static final String TYPED_NAME = "juryroom-signin-name";
    private static final int TYPED_NAME_SECONDS = 120;
    private static final int TYPED_NAME_MAX = 200;

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final WebErrors errors;
    private final BrowserSessions sessions;

    public SignInResource(SecurityIdentity identity, RoutingContext routing, WebErrors errors,
                          BrowserSessions sessions) {
        this.identity = identity;
        this.routing = routing;
        this.errors = errors;
        this.sessions = sessions;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Authenticated
    public Response home() {
        return redirect(Home.of(identity));
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login() {
        if (!identity.isAnonymous()) {
            return redirect(Home.of(identity));
        }
        var query = routing.queryParams();
        String typed = null;
        Cookie kept = routing.request().getCookie(TYPED_NAME);
        if (kept != null) {
            typed = query.contains("failed") ? typedName(kept.getValue()) : null;
            routing.response().addCookie(nameCookie("", 0, routing.request().isSSL()));
        }
        return Response.ok(Templates.login(query.contains("failed"), query.contains("expired"),
                query.contains("signedOut"), typed)).header("Cache-Control", "no-store").build();
    }

    /** The kept username, or null when the cookie is no name we wrote (anyone may set a cookie). */
    static String typedName(String cookie) {
        try {
            String name = java.net.URLDecoder.decode(cookie, java.nio.charset.StandardCharsets.UTF_8);
            return name.length() <= TYPED_NAME_MAX ? name : null;
        } catch (IllegalArgumentException notEncoded) {
            return null;
        }
    }

    /** Keeps the username a refused sign-in typed for the sign-in page it goes back to ({@link #TYPED_NAME}). */
    static void keepTypedName(RoutingContext ctx) {
        String typed = ctx.request().formAttributes().get("j_username");
        if (typed != null && !typed.isBlank() && typed.length() <= TYPED_NAME_MAX) {
            ctx.response().addCookie(nameCookie(java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8),
                    TYPED_NAME_SECONDS, ctx.request().isSSL()));
        }
    }

    private static Cookie nameCookie(String value, long maxAge, boolean secure) {
        return Cookie.cookie(TYPED_NAME, value).setPath("/login").setMaxAge(maxAge).setHttpOnly(true)
                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT).setSecure(secure);
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout() {
        sessions.end(identity.getPrincipal().getName(), routing);
        // A new browser nonce too: nothing issued in this session stays usable.
        routing.response().addCookie(Cookie.cookie(Csrf.COOKIE, "").setPath("/").setMaxAge(0));
        return redirect("/login?signedOut");
    }
}
