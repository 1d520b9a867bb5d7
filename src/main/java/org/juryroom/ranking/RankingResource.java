package org.juryroom.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.juryroom.competition.CompetitionRequests;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionView;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class RankingResource {

    /** {@code remedies}: the organiser's decisions on missing work, sealed with the shortlist (format 3). */
    public record ShortlistView(int size, Instant frozenAt, String frozenBy, String method, String tieBreak,
                                String digest, List<ShortlistRow> entries, String disagreement,
                                List<ShortlistService.SealedRemedy> remedies) {
        static ShortlistView of(Shortlist s) {
            java.util.Set<Long> held = s.heldEntryIds();
            return new ShortlistView(s.size, s.frozenAt, s.frozenBy, s.method, s.tieBreak, s.digest,
                    s.entries().stream().map(e -> new ShortlistRow(e.rank, e.entryId, e.code, e.title, e.schoolName,
                            e.score, e.median, e.jurorCount, held.contains(e.entryId))).toList(), s.disagreement,
                    ShortlistService.remedies(s));
        }
    }

    /**
     * {@code held}: since the freeze a safeguarding lead holds the entry, or a guardian withdrew judging
     * consent; it is not published or exported (see Shortlist#heldEntryIds).
     */
    public record ShortlistRow(int rank, long entryId, String code, String title, String schoolName, BigDecimal score,
                               BigDecimal median, int jurorCount, boolean held) {
    }

    private final RankingService ranking;
    private final ShortlistService shortlists;
    private final AdjudicationService adjudications;
    private final CompetitionService competitions;

    public RankingResource(RankingService ranking, ShortlistService shortlists, AdjudicationService adjudications,
                           CompetitionService competitions) {
        this.ranking = ranking;
        this.shortlists = shortlists;
        this.adjudications = adjudications;
        this.competitions = competitions;
    }

    @GET
    @Path("/competitions/{cid}/ranking")
    public RankingService.RankingView ranking(@PathParam("cid") long cid,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("100") int size) {
        return ranking.ranking(cid, page, size);
    }

    /** Method (RAW_MEAN or Z_SCORE) and disagreement thresholds; until the freeze. */
    @PUT
    @Path("/competitions/{cid}/ranking-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompetitionView rankingSettings(@PathParam("cid") long cid, CompetitionRequests.RankingSettings request) {
        return competitions.updateRankingSettings(cid, request);
    }

    @POST
    @Path("/competitions/{cid}/adjudications")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<AdjudicationService.AdjudicationView> adjudicate(
            @PathParam("cid") long cid, AdjudicationService.AdjudicationRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, adjudications.decide(cid, request));
    }

    @GET
    @Path("/competitions/{cid}/adjudications")
    public List<AdjudicationService.AdjudicationView> adjudications(@PathParam("cid") long cid) {
        return adjudications.list(cid);
    }

    @POST
    @Path("/competitions/{cid}/shortlist")
    public RestResponse<ShortlistView> freeze(@PathParam("cid") long cid) {
        return RestResponse.ResponseBuilder.<ShortlistView>created(URI.create("/api/competitions/" + cid + "/shortlist"))
                .entity(shortlists.freeze(cid, org.juryroom.rounds.RoundWork.Remedies.NONE, null, ShortlistView::of)).build();
    }

    @GET
    @Path("/competitions/{cid}/shortlist")
    public ShortlistView shortlist(@PathParam("cid") long cid) {
        return ShortlistView.of(shortlists.get(cid));
    }

    /** Rebuilds the sealed snapshot from the stored rows and says whether it still matches its digest. */
    @GET
    @Path("/competitions/{cid}/shortlist/verify")
    public ShortlistService.Verification verify(@PathParam("cid") long cid) {
        return shortlists.verify(cid);
    }
}
