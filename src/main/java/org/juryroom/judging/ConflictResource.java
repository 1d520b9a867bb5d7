package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;

/** Conflicts of interest: jurors declare their own, organisers manage everyone's. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConflictResource {

    private final ConflictService conflicts;

    public ConflictResource(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @POST
    @Path("/me/conflicts")
    @RolesAllowed(Roles.JUROR)
    public RestResponse<ConflictService.OwnConflict> declare(ConflictService.DeclareConflict request) {
        ConflictService.Declared<ConflictService.OwnConflict> d = conflicts.declareOwn(request);
        return RestResponse.status(d.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, d.conflict());
    }

    @GET
    @Path("/me/conflicts")
    @RolesAllowed(Roles.JUROR)
    public Page<ConflictService.OwnConflict> mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return conflicts.mine(Page.Request.of(page, size));
    }

    /** The school names jurors pick a conflict from, by district; nothing about their entries. */
    @GET
    @Path("/me/conflicts/schools")
    @RolesAllowed(Roles.JUROR)
    public Page<ConflictService.SchoolChoice> schools(@QueryParam("district") String district,
                                                      @QueryParam("page") Integer page,
                                                      @QueryParam("size") Integer size) {
        return conflicts.schools(district, Page.Request.of(page, size));
    }

    @GET
    @Path("/competitions/{cid}/conflicts")
    @RolesAllowed(Roles.ORGANISER)
    public Page<ConflictService.ConflictView> list(@PathParam("cid") long cid, @QueryParam("juror") Long jurorId,
                                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return conflicts.list(cid, jurorId, Page.Request.of(page, size));
    }

    @POST
    @Path("/competitions/{cid}/conflicts")
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<ConflictService.ConflictView> add(@PathParam("cid") long cid,
                                                          ConflictService.AddConflict request) {
        ConflictService.Declared<ConflictService.ConflictView> d = conflicts.add(cid, request);
        return RestResponse.status(d.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, d.conflict());
    }

    @DELETE
    @Path("/competitions/{cid}/conflicts/{conflictId}")
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<Void> remove(@PathParam("cid") long cid, @PathParam("conflictId") long conflictId) {
        conflicts.remove(cid, conflictId);
        return RestResponse.noContent();
    }
}
