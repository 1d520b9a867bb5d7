package org.juryroom.access;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * "Forgot your password?": anyone may ask for a reset link for an address and always gets the same
 * answer; the link's token is the credential for choosing the new password.
 */
@Path("/api/password-resets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    public record ResetRequest(@NotBlank @Email @Size(max = 320) String email) {
    }

    /** The one answer to every reset request. */
    public record Requested(String message) {
    }

    private final PasswordResets resets;
    private final AccountLinks links;
    private final RoutingContext routing;

    public PasswordResetResource(PasswordResets resets, AccountLinks links, RoutingContext routing) {
        this.resets = resets;
        this.links = links;
        this.routing = routing;
    }

    @POST
    @PermitAll
    public RestResponse<Requested> request(@Valid @NotNull ResetRequest body) {
        resets.request(body.email(), routing);
        return RestResponse.accepted(new Requested(PasswordResets.ANSWER));
    }

    @POST
    @Path("/{token}")
    @PermitAll
    public RestResponse<Void> choose(@PathParam("token") String token, InvitationResource.NewPassword body) {
        links.choosePassword(token, AccountLinks.Purpose.RESET, body == null ? null : body.password());
        return RestResponse.noContent();
    }
}
