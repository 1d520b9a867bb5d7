package org.juryroom.dataaccess;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.access.Roles;

/**
 * The school's access request (docs/privacy.md): everything held about the children of all its entries.
 * Its own class at /api/schools: routing picks the resource class by the longest matching path first.
 */
@Path("/api/schools")
public class SchoolDataResource {

    private final DataAccessService service;

    public SchoolDataResource(DataAccessService service) {
        this.service = service;
    }

    @GET
    @Path("me/data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHOOL)
    public Response school() {
        return DataAccessResource.download(service.forSchool());
    }
}
