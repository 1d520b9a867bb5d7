package org.juryroom.competition;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

import java.net.URI;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompetitionResource {

    private final CompetitionService competitions;

    public CompetitionResource(CompetitionService competitions) {
        this.competitions = competitions;
    }

    @POST
    @Path("/competitions")
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<CompetitionView> create(CompetitionRequests.CreateCompetition request) {
        Competition c = competitions.create(request);
        return RestResponse.ResponseBuilder.<CompetitionView>created(URI.create("/api/competitions/" + c.id))
                .entity(CompetitionView.of(c)).build();
    }

    @GET
    @Path("/competitions")
    @Authenticated
    public List<CompetitionView> list() {
        return competitions.list().stream().map(CompetitionView::of).toList();
    }

    @GET
    @Path("/competitions/{cid}")
    @Authenticated
    public CompetitionView get(@PathParam("cid") long cid) {
        return CompetitionView.of(competitions.get(cid));
    }

    /** Replaces the description; see CompetitionService#update for what may change in which status. */
    @PUT
    @Path("/competitions/{cid}")
    @RolesAllowed(Roles.ORGANISER)
    public CompetitionView update(@PathParam("cid") long cid, CompetitionRequests.CreateCompetition request) {
        return competitions.update(cid, request);
    }

    /** The judging deadline alone, changeable until judging ends (the full update stops at OPEN). */
    @PUT
    @Path("/competitions/{cid}/judging-deadline")
    @RolesAllowed(Roles.ORGANISER)
    public CompetitionView judgingDeadline(@PathParam("cid") long cid,
                                           @jakarta.validation.constraints.NotNull CompetitionRequests.JudgingDeadline request) {
        return competitions.updateJudgingDeadline(cid, request);
    }

    /** The retention date of the children's personal data (docs/privacy.md). */
    @PUT
    @Path("/competitions/{cid}/retention")
    @RolesAllowed(Roles.ORGANISER)
    public CompetitionView retention(@PathParam("cid") long cid,
                                     @jakarta.validation.Valid @jakarta.validation.constraints.NotNull
                                     CompetitionRequests.RetentionSetting request) {
        return competitions.updateRetention(cid, request);
    }

    @POST
    @Path("/competitions/{cid}/transitions")
    @RolesAllowed(Roles.ORGANISER)
    public CompetitionView transition(@PathParam("cid") long cid,
                                      @jakarta.validation.Valid @jakarta.validation.constraints.NotNull
                                      CompetitionRequests.Transition request) {
        return competitions.transition(cid, request.to());
    }
}
