package org.juryroom.i18n;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.common.ProblemException;

/** A user's language through the API: what pages, refusals and mails use for them (null: the browser decides). */
@Path("/api/me/language")
@Produces(MediaType.APPLICATION_JSON)
public class LanguageResource {

    public record LanguageChoice(String language) {
    }

    private final SecurityIdentity identity;
    private final LanguageService languages;

    public LanguageResource(SecurityIdentity identity, LanguageService languages) {
        this.identity = identity;
        this.languages = languages;
    }

    @GET
    @Authenticated
    public LanguageChoice current() {
        return new LanguageChoice(identity.getAttribute(Languages.ATTRIBUTE));
    }

    @PUT
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Void> save(LanguageChoice body) {
        if (body == null) {
            throw ProblemException.unprocessable("language", "must be one of " + String.join(", ", Languages.SUPPORTED));
        }
        languages.save(identity.getPrincipal().getName(), body.language());
        return RestResponse.noContent();
    }
}
