package org.juryroom.erasure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

/** Erasure of an entry's personal data on request (organisers only: docs/privacy.md). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService erasure;

    public ErasureResource(ErasureService erasure) {
        this.erasure = erasure;
    }

    /** 200 with what was erased; again, 200 with nothing more to do; 409 under a safeguarding hold. */
    @POST
    @Path("/entries/{eid}/erasure")
    @RolesAllowed(Roles.ORGANISER)
    public ErasureService.Erasure erase(@PathParam("eid") long eid) {
        return erasure.eraseAsOrganiser(eid);
    }
}
