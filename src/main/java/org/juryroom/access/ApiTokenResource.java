package org.juryroom.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** One's own personal API tokens (docs/api.md): managed with a password or a session, never with a token. */
@Path("/api/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORGANISER, Roles.JUROR, Roles.SCHOOL, Roles.SAFEGUARDING})
public class ApiTokenResource {

    private final ApiTokens tokens;
    private final CurrentUser me;
    private final SecurityIdentity identity;

    public ApiTokenResource(ApiTokens tokens, CurrentUser me, SecurityIdentity identity) {
        this.tokens = tokens;
        this.me = me;
        this.identity = identity;
    }

    @GET
    public List<ApiTokens.TokenView> list() {
        ApiTokens.requireNotToken(identity);
        return tokens.list(me.user());
    }

    /** 201 with the token, shown this once. */
    @POST
    public RestResponse<ApiTokens.Created> create(ApiTokens.NewToken request) {
        ApiTokens.requireNotToken(identity);
        return RestResponse.status(RestResponse.Status.CREATED, tokens.create(me.user(), request));
    }

    @DELETE
    @Path("{id}")
    public RestResponse<Void> revoke(@PathParam("id") long id) {
        ApiTokens.requireNotToken(identity);
        tokens.revoke(me.user(), id);
        return RestResponse.noContent();
    }
}
