package org.juryroom.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;

/** The organisers' view of the outbox: what was sent, what waits, what failed and why. */
@Path("/api/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class OutboxResource {

    private final Outbox outbox;

    public OutboxResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    public Page<Outbox.View> list(@QueryParam("status") String status, @QueryParam("to") String to,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return outbox.list(status, to, Page.Request.of(page, size));
    }

    @POST
    @Path("/{id}/retry")
    public Outbox.View retry(@PathParam("id") long id) {
        return outbox.retry(id);
    }
}
