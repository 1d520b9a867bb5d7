package org.juryroom.dataaccess;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

/**
 * Access requests (docs/privacy.md): one entry's file for organisers. The school's file is
 * {@link SchoolDataResource} (under /api/schools, whose resource class would otherwise shadow it).
 */
@Path("/api")
public class DataAccessResource {

    private final DataAccessService service;

    public DataAccessResource(DataAccessService service) {
        this.service = service;
    }

    @GET
    @Path("/entries/{eid}/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    public Response entry(@PathParam("eid") long eid) {
        return download(service.forEntry(eid));
    }

    /** The file as an attachment, never cached (it holds children's data); the pages send the same response. */
    public static Response download(DataAccessService.Download d) {
        return Response.ok(d.body(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
