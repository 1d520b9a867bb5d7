package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JudgingResource {

    public record AssignRequest(@NotNull @Min(1) @Max(50) Integer jurorsPerEntry, Long seed) {
    }

    private final AssignmentService assignments;
    private final ScorecardService scorecards;
    private final JuryQueueService queue;

    public JudgingResource(AssignmentService assignments, ScorecardService scorecards, JuryQueueService queue) {
        this.assignments = assignments;
        this.scorecards = scorecards;
        this.queue = queue;
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

    @PUT
    @Path("/entries/{eid}/scorecard")
    @RolesAllowed(Roles.JUROR)
    public ScorecardService.ScorecardView saveScorecard(@PathParam("eid") long eid,
                                                        ScorecardService.ScorecardRequest request) {
        return scorecards.save(eid, request);
    }

    @GET
    @Path("/entries/{eid}/scorecard")
    @RolesAllowed(Roles.JUROR)
    public ScorecardService.ScorecardView myScorecard(@PathParam("eid") long eid) {
        return scorecards.mine(eid);
    }
}
