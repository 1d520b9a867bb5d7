package org.juryroom.access;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** Accepting an invitation: the token in the link is the credential, so anyone holding it may use it once. */
@Path("/api/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    public record NewPassword(String password) {
    }

    private final AccountLinks links;

    public InvitationResource(AccountLinks links) {
        this.links = links;
    }

    @POST
    @Path("/{token}")
    @PermitAll
    public RestResponse<Void> accept(@PathParam("token") String token, NewPassword body) {
        links.choosePassword(token, AccountLinks.Purpose.INVITE, body == null ? null : body.password());
        return RestResponse.noContent();
    }
}
