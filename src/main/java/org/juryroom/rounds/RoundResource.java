package org.juryroom.rounds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoundResource {

    private final RoundService rounds;
    private final ScreeningService screening;

    public RoundResource(RoundService rounds, ScreeningService screening) {
        this.rounds = rounds;
        this.screening = screening;
    }

    @GET
    @Path("/competitions/{cid}/rounds")
    @RolesAllowed(Roles.ORGANISER)
    public List<RoundService.RoundView> rounds(@PathParam("cid") long cid) {
        return rounds.list(cid);
    }

    @PUT
    @Path("/competitions/{cid}/rounds")
    @RolesAllowed(Roles.ORGANISER)
    public List<RoundService.RoundView> replace(@PathParam("cid") long cid, List<RoundService.RoundRequest> request) {
        return rounds.replace(cid, request);
    }

    @GET
    @Path("/competitions/{cid}/rounds/{rid}/close-preview")
    @RolesAllowed(Roles.ORGANISER)
    public RoundService.Preview preview(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return rounds.preview(cid, rid);
    }

    @POST
    @Path("/competitions/{cid}/rounds/{rid}/close")
    @RolesAllowed(Roles.ORGANISER)
    public RoundService.Closed close(@PathParam("cid") long cid, @PathParam("rid") long rid,
                                     RoundService.CloseRequest request) {
        return rounds.close(cid, rid, request);
    }

    @POST
    @Path("/competitions/{cid}/rounds/{rid}/reassign")
    @RolesAllowed(Roles.ORGANISER)
    public RoundService.Reassigned reassign(@PathParam("cid") long cid, @PathParam("rid") long rid,
                                            RoundService.ReassignRequest request) {
        return rounds.reassign(cid, rid, request);
    }

    @PUT
    @Path("/entries/{eid}/screening")
    @RolesAllowed(Roles.JUROR)
    public ScreeningService.VoteView vote(@PathParam("eid") long eid, ScreeningService.VoteRequest request) {
        return screening.vote(eid, request);
    }

    @GET
    @Path("/entries/{eid}/screening")
    @RolesAllowed(Roles.JUROR)
    public ScreeningService.VoteView myVote(@PathParam("eid") long eid) {
        return screening.mine(eid);
    }
}
