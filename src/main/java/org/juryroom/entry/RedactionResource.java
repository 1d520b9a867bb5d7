package org.juryroom.entry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

/** Words hidden from the jury view of an entry (organisers only). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedactionResource {

    private final RedactionService redactions;

    public RedactionResource(RedactionService redactions) {
        this.redactions = redactions;
    }

    @GET
    @Path("/entries/{eid}/redactions")
    @RolesAllowed(Roles.ORGANISER)
    public RedactionService.RedactionView get(@PathParam("eid") long eid) {
        return redactions.get(eid);
    }

    @PUT
    @Path("/entries/{eid}/redactions")
    @RolesAllowed(Roles.ORGANISER)
    public RedactionService.RedactionView replace(@PathParam("eid") long eid, RedactionService.Redactions request) {
        return redactions.replace(eid, request);
    }
}
