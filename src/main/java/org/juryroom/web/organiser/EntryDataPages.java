package org.juryroom.web.organiser;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.dataaccess.DataAccessResource;
import org.juryroom.dataaccess.DataAccessService;
import org.juryroom.web.WebErrors;

/** A child's access request from the organiser's entry page (tags/entryData.html), for the signed-in browser. */
@Path("/organiser")
@RolesAllowed(Roles.ORGANISER)
public class EntryDataPages {

    private final DataAccessService service;
    private final WebErrors errors;

    public EntryDataPages(DataAccessService service, WebErrors errors) {
        this.service = service;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("entries/{eid}/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data(@PathParam("eid") long eid, @QueryParam("position") Integer position) {
        return DataAccessResource.download(service.forEntry(eid, position));
    }
}
