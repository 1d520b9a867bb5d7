package org.juryroom.ranking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANISER)
public class RankingResource {

    public record ShortlistView(int size, Instant frozenAt, String frozenBy, String method, String tieBreak,
                                String digest, List<ShortlistRow> entries) {
        static ShortlistView of(Shortlist s) {
            return new ShortlistView(s.size, s.frozenAt, s.frozenBy, s.method, s.tieBreak, s.digest,
                    s.entries().stream().map(e -> new ShortlistRow(e.rank, e.entryId, e.code, e.title, e.schoolName,
                            e.score)).toList());
        }
    }

    public record ShortlistRow(int rank, long entryId, String code, String title, String schoolName, BigDecimal score) {
    }

    private final RankingService ranking;
    private final ShortlistService shortlists;

    public RankingResource(RankingService ranking, ShortlistService shortlists) {
        this.ranking = ranking;
        this.shortlists = shortlists;
    }

    @GET
    @Path("/competitions/{cid}/ranking")
    public RankingService.RankingView ranking(@PathParam("cid") long cid,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("100") int size) {
        return ranking.ranking(cid, page, size);
    }

    @POST
    @Path("/competitions/{cid}/shortlist")
    public RestResponse<ShortlistView> freeze(@PathParam("cid") long cid) {
        Shortlist s = shortlists.freeze(cid);
        return RestResponse.ResponseBuilder.<ShortlistView>created(URI.create("/api/competitions/" + cid + "/shortlist"))
                .entity(ShortlistView.of(s)).build();
    }

    @GET
    @Path("/competitions/{cid}/shortlist")
    public ShortlistView shortlist(@PathParam("cid") long cid) {
        return ShortlistView.of(shortlists.get(cid));
    }
}
