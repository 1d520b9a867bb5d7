package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;

import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JudgingResource {

    public record AssignRequest(@NotNull @Min(1) @Max(AssignmentService.MAX_JURORS_PER_ENTRY) Integer jurorsPerEntry,
                                Long seed) {
    }

    private final AssignmentService assignments;
    private final ScorecardService scorecards;
    private final JuryQueueService queue;
    private final PanelService panels;

    public JudgingResource(AssignmentService assignments, ScorecardService scorecards, JuryQueueService queue,
                           PanelService panels) {
        this.assignments = assignments;
        this.scorecards = scorecards;
        this.queue = queue;
        this.panels = panels;
    }

    @POST
    @Path("/competitions/{cid}/assignments")
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<AssignmentService.Result> assign(@PathParam("cid") long cid,
                                                         @jakarta.validation.Valid @NotNull AssignRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED,
                assignments.assign(cid, request.jurorsPerEntry(), request.seed()));
    }

    @GET
    @Path("/competitions/{cid}/panels")
    @RolesAllowed(Roles.ORGANISER)
    public List<PanelService.MemberView> panels(@PathParam("cid") long cid) {
        return panels.get(cid);
    }

    @PUT
    @Path("/competitions/{cid}/panels")
    @RolesAllowed(Roles.ORGANISER)
    public List<PanelService.MemberView> setPanels(@PathParam("cid") long cid, PanelService.Panels request) {
        return panels.replace(cid, request);
    }

    @GET
    @Path("/me/assignments")
    @RolesAllowed(Roles.JUROR)
    public Page<JuryQueueService.QueueItem> myAssignments(@QueryParam("competition") Long competitionId,
                                                          @QueryParam("page") Integer page,
                                                          @QueryParam("size") Integer size) {
        if (competitionId == null) {
            throw ProblemException.badRequest("Query parameter 'competition' (the competition id) is required");
        }
        return queue.queue(competitionId, Page.Request.of(page, size));
    }

    /**
     * Saves the caller's scorecard; If-Match (or {@code version}) guards against lost updates, If-None-Match: *
     * against a first save landing over another first save.
     */
    @PUT
    @Path("/entries/{eid}/scorecard")
    @RolesAllowed(Roles.JUROR)
    public RestResponse<ScorecardService.ScorecardView> saveScorecard(@PathParam("eid") long eid,
                                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                                                      ScorecardService.ScorecardRequest request) {
        ScorecardService.Saved saved = scorecards.save(eid, request, ifMatch, ifNoneMatch);
        return withEtag(saved.scorecard());
    }

    @GET
    @Path("/entries/{eid}/scorecard")
    @RolesAllowed(Roles.JUROR)
    public RestResponse<ScorecardService.ScorecardView> myScorecard(@PathParam("eid") long eid) {
        return withEtag(scorecards.mine(eid));
    }

    /** Organisers: every scorecard with juror names. Jurors: the others' marks, anonymous, after submitting their own. */
    @GET
    @Path("/entries/{eid}/scorecards")
    @RolesAllowed({Roles.JUROR, Roles.ORGANISER})
    public ScorecardService.EntryScorecards scorecards(@PathParam("eid") long eid) {
        return scorecards.ofEntry(eid);
    }

    private static RestResponse<ScorecardService.ScorecardView> withEtag(ScorecardService.ScorecardView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, ScorecardService.etag(view.version()))
                .build();
    }
}
