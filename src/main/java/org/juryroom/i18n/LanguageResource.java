package org.juryroom.i18n;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.common.ProblemException;

import java.net.URI;

/**
 * Choosing a language: the switch on every page (a plain form, so it works without script) and
 * the API. The browser remembers the choice in a cookie; a signed-in user's choice is also saved
 * with the account, so it follows them to other browsers and into their mails.
 */
@Path("/")
public class LanguageResource {

    public record LanguageChoice(String language) {
    }

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final LanguageService languages;

    public LanguageResource(SecurityIdentity identity, RoutingContext routing, LanguageService languages) {
        this.identity = identity;
        this.routing = routing;
        this.languages = languages;
    }

    /** The page switch: back to the page it was on (a path of this site only), in the new language. */
    @POST
    @Path("language")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String language, @RestForm String back) {
        if (!Languages.supported(language)) {
            language = Languages.DEFAULT;
        }
        if (!identity.isAnonymous()) {
            languages.save(identity.getPrincipal().getName(), language);
        }
        remember(language);
        return Response.seeOther(URI.create(localPath(back))).build();
    }

    @GET
    @Path("api/me/language")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public LanguageChoice current() {
        return new LanguageChoice(identity.getAttribute(Languages.ATTRIBUTE));
    }

    @PUT
    @Path("api/me/language")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Void> save(LanguageChoice body) {
        if (body == null) {
            throw ProblemException.badRequest("Send {\"language\": \"en\" | \"hi\" | \"bn\"}");
        }
        languages.save(identity.getPrincipal().getName(), body.language());
        return RestResponse.noContent();
    }

    private void remember(String language) {
        routing.response().addCookie(Cookie.cookie(Languages.COOKIE, language).setPath("/")
                .setMaxAge(365L * 24 * 3600).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
                .setSecure(routing.request().isSSL()));
    }

    /** Only a path on this site: never "//host" or "/\host", which a browser would take elsewhere. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }
}
