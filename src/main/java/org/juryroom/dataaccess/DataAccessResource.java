package org.juryroom.dataaccess;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

/**
 * Access requests (docs/privacy.md): one child's file of an entry, for organisers. The school's file is
 * {@link SchoolDataResource} (under /api/schools, whose resource class would otherwise shadow it).
 */
@Path("/api")
public class DataAccessResource {

    private final DataAccessService service;

    public DataAccessResource(DataAccessService service) {
        this.service = service;
    }

    /**
     * The file for the child at {@code position} (0-based, as in the entry's participants) of the entry, for
     * that child's guardian; without a position, the whole entry if it has at most one child, else 400.
     */
    @GET
    @Path("/entries/{eid}/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    public Response entry(@PathParam("eid") long eid, @QueryParam("position") Integer position) {
        return download(service.forEntry(eid, position));
    }

    /** The file as an attachment, never cached (it holds children's data); the pages send the same response. */
    public static Response download(DataAccessService.Download d) {
        return Response.ok(d.body(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
