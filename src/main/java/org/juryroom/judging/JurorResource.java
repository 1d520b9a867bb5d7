package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;

import java.net.URI;

@Path("/api/jurors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JurorResource {

    public record JurorView(Long id, String name, String email, String expertise) {
    }

    /** The only response that ever carries the generated password. */
    public record JurorCredentials(Long id, String name, String username, String password) {
    }

    private final JurorService jurors;

    public JurorResource(JurorService jurors) {
        this.jurors = jurors;
    }

    @POST
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<JurorCredentials> create(JurorService.CreateJuror request) {
        JurorService.Created c = jurors.create(request);
        return RestResponse.ResponseBuilder.<JurorCredentials>created(URI.create("/api/jurors/" + c.juror().id))
                .entity(new JurorCredentials(c.juror().id, c.juror().name, c.username(), c.password())).build();
    }

    @GET
    @RolesAllowed(Roles.ORGANISER)
    public Page<JurorView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jurors.list(Page.Request.of(page, size)).map(j -> new JurorView(j.id, j.name, j.email, j.expertise));
    }
}
