package org.juryroom.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.juryroom.i18n.LanguageService;
import org.juryroom.i18n.Languages;

/**
 * The language switch on every page (layout.html): a plain form, so it works without script. The
 * browser remembers the choice in a cookie; a signed-in user's choice is also saved with the
 * account, so it follows them to other browsers and into their mails (i18n/Languages).
 */
@Path("/language")
public class LanguagePages {

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final LanguageService languages;

    public LanguagePages(SecurityIdentity identity, RoutingContext routing, LanguageService languages) {
        this.identity = identity;
        this.routing = routing;
        this.languages = languages;
    }

    /** Back to the page it was on (a path of this site only), in the new language. */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String language, @RestForm String back) {
        String chosen = Languages.supported(language) ? language : Languages.DEFAULT;
        if (!identity.isAnonymous()) {
            languages.save(identity.getPrincipal().getName(), chosen);
        }
        routing.response().addCookie(Cookie.cookie(Languages.COOKIE, chosen).setPath("/")
                .setMaxAge(365L * 24 * 3600).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(routing.request().isSSL()));
        return WebErrors.redirect(localPath(back));
    }

    /**
     * Only a path on this site: never "//host" or "/\\host", which a browser would take elsewhere, nor what is
     * not an address at all ("/%", "/a b"), which no redirect can be sent to.
     */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        try {
            java.net.URI uri = new java.net.URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? back : "/";
        } catch (java.net.URISyntaxException notAnAddress) {
            return "/";
        }
    }
}
