package org.juryroom.web.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.dataaccess.DataAccessResource;
import org.juryroom.dataaccess.DataAccessService;
import org.juryroom.web.WebErrors;

/** The school's access request from its portal (tags/schoolData.html): the API's file, for the signed-in browser. */
@Path("/school")
@RolesAllowed(Roles.SCHOOL)
public class SchoolDataPages {

    private final DataAccessService service;
    private final WebErrors errors;

    public SchoolDataPages(DataAccessService service, WebErrors errors) {
        this.service = service;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data() {
        return DataAccessResource.download(service.forSchool());
    }
}
