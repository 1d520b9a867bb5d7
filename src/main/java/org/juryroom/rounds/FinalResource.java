package org.juryroom.rounds;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;

/** A round's jury, the final jury's ballots, and the FINAL round's sealed result (docs/api.md). */
// Rooted at /api like RoundResource: a longer class path would hide RoundResource's methods under it.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FinalResource {

    private final FinalService finals;

    public FinalResource(FinalService finals) {
        this.finals = finals;
    }

    @GET
    @Path("/competitions/{cid}/rounds/{rid}/jury")
    @RolesAllowed(Roles.ORGANISER)
    public FinalService.JuryView jury(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return finals.jury(cid, rid);
    }

    @PUT
    @Path("/competitions/{cid}/rounds/{rid}/jury")
    @RolesAllowed(Roles.ORGANISER)
    public FinalService.JuryView setJury(@PathParam("cid") long cid, @PathParam("rid") long rid,
                                         FinalService.Jury request) {
        return finals.replaceJury(cid, rid, request);
    }

    @GET
    @Path("/competitions/{cid}/rounds/{rid}/ballot")
    @RolesAllowed(Roles.JUROR)
    public FinalService.BallotView ballot(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return finals.mine(cid, rid);
    }

    @PUT
    @Path("/competitions/{cid}/rounds/{rid}/ballot")
    @RolesAllowed(Roles.JUROR)
    public FinalService.BallotView cast(@PathParam("cid") long cid, @PathParam("rid") long rid,
                                        FinalService.BallotRequest request) {
        return finals.cast(cid, rid, request);
    }

    /** Anyone once the competition is PUBLISHED; before that, organisers only (404 to others). */
    @GET
    @Path("/competitions/{cid}/rounds/{rid}/result")
    @PermitAll
    @org.juryroom.publishing.PublicAnswer
    public FinalService.ResultView result(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return finals.result(cid, rid);
    }

    @GET
    @Path("/competitions/{cid}/rounds/{rid}/result/verify")
    @RolesAllowed(Roles.ORGANISER)
    public FinalService.Verification verify(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return finals.verify(cid, rid);
    }
}
