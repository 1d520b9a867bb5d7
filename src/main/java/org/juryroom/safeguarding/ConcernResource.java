package org.juryroom.safeguarding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

import java.net.URI;

/** Raising a concern: one call, for anyone who can see the entry, in any state. */
@Path("/api/entries/{eid}/concerns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConcernResource {

    /** What the person who raised it is told: the reference, and that nothing more is needed of them. */
    public record Receipt(long id, String reference, Concern.Status status, String message) {
    }

    private final ConcernService concerns;

    public ConcernResource(ConcernService concerns) {
        this.concerns = concerns;
    }

    @POST
    @RolesAllowed({Roles.ORGANISER, Roles.JUROR, Roles.SCHOOL})
    public RestResponse<Receipt> raise(@PathParam("eid") long eid, ConcernService.RaiseConcern request) {
        ConcernService.Raised r = concerns.raise(eid, request);
        // Where the safeguarding lead reads it (the person who raised it may not).
        return RestResponse.ResponseBuilder.<Receipt>created(URI.create("/api/safeguarding/concerns/" + r.id()))
                .entity(new Receipt(r.id(), r.reference(), r.status(), thankYou())).build();
    }

    /** In the language of the request (Accept-Language, else the user's saved choice), as the page's thank-you. */
    private static String thankYou() {
        return io.quarkus.qute.i18n.MessageBundles.get(org.juryroom.web.SafeguardingMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(org.juryroom.i18n.Languages.ofCurrentRequest())).sg_receipt();
    }
}
