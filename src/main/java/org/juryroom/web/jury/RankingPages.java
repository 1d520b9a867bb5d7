package org.juryroom.web.jury;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.competition.CompetitionService;
import org.juryroom.rounds.FinalService;
import org.juryroom.rounds.FinalService.BallotView;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The final juror's ranking of the shortlist: cards in ballot order, each with a rank number (ties
 * share one). Without script the numbers are the form; with it (static/ranking.js) the cards are
 * dragged or moved with buttons and the script writes the numbers. One POST either way, through
 * the ballot API's service (docs/ui.md).
 */
@Path("/jury/competitions/{cid}/final")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.JUROR)
public class RankingPages {

    /** One shortlisted entry as a card: blind; {@code rank} the number shown, {@code tied} shares the one above's. */
    public record Card(long entryId, String code, String title, String category, Long thumbnailFileId, Integer rank,
                       boolean tied) {
    }

    public record Ranking(long competitionId, String competition, long roundId, RoundStatus status, boolean open,
                          Long version, Instant castAt, List<Card> cards, boolean large, Errors errors) {
    }

    @CheckedTemplate(basePath = "jury")
    static class Templates {
        static native TemplateInstance ranking(Ranking ranking);
    }

    private final FinalService finals;
    private final CompetitionService competitions;
    private final WebErrors errors;

    public RankingPages(FinalService finals, CompetitionService competitions, WebErrors errors) {
        this.finals = finals;
        this.competitions = competitions;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public TemplateInstance page(@PathParam("cid") long cid, @QueryParam("view") String view) {
        long rid = finals.finalRoundOf(cid);
        BallotView b = finals.mine(cid, rid);
        return Templates.ranking(ranking(cid, b, cards(b, b.order()), "large".equals(view), Errors.NONE));
    }

    /**
     * Pairs of fields in card order: {@code entry} (the entry id) and {@code rank} (a whole number,
     * best 1; equal numbers are a tie). A blank or unreadable number leaves the entry out, and the
     * ballot's check names it as missing.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("cid") long cid, @RestForm List<String> entry, @RestForm List<String> rank) {
        long rid = finals.finalRoundOf(cid);
        TreeMap<Integer, List<Long>> byRank = new TreeMap<>();
        Map<Long, Integer> asked = new HashMap<>();
        List<String> entries = entry == null ? List.of() : entry;
        List<String> ranks = rank == null ? List.of() : rank;
        for (int i = 0; i < entries.size() && i < ranks.size(); i++) {
            try {
                long eid = Long.parseLong(entries.get(i).strip());
                int n = Integer.parseInt(ranks.get(i).strip());
                if (n >= 1) {
                    byRank.computeIfAbsent(n, k -> new ArrayList<>()).add(eid);
                    asked.put(eid, n);
                }
            } catch (NumberFormatException ignored) {
                // left out: the ballot's check names the entry as missing
            }
        }
        List<List<Long>> order = new ArrayList<>(byRank.values());
        try {
            finals.cast(cid, rid, new FinalService.BallotRequest(order));
        } catch (RuntimeException ex) {
            if (Forms.problem(ex).status() == 404) {
                throw ex;
            }
            BallotView b = finals.mine(cid, rid);
            return Response.status(Forms.problem(ex).status())
                    .entity(Templates.ranking(ranking(cid, b, typed(b, asked), false, Forms.errors(ex)))).build();
        }
        return redirect("/jury/competitions/" + cid + "/final?saved");
    }

    private Ranking ranking(long cid, BallotView b, List<Card> cards, boolean large, Errors errors) {
        return new Ranking(cid, competitions.get(cid).title, b.roundId(), b.roundStatus(),
                b.roundStatus() == RoundStatus.OPEN, b.version(), b.castAt(), cards, large, errors);
    }

    /** The cards in ballot order (or by code before the first ballot), numbered by tie group. */
    private static List<Card> cards(BallotView b, List<List<Long>> order) {
        Map<Long, FinalService.Candidate> byId = new HashMap<>();
        b.candidates().forEach(c -> byId.put(c.entryId(), c));
        List<List<Long>> groups = order != null ? order
                : b.candidates().stream().map(c -> List.of(c.entryId())).toList();
        List<Card> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < groups.get(g).size(); i++) {
                FinalService.Candidate c = byId.get(groups.get(g).get(i));
                if (c != null) {
                    out.add(new Card(c.entryId(), c.code(), c.title(), c.category(), c.thumbnailFileId(), order == null ? null : g + 1,
                            i > 0));
                }
            }
        }
        return out;
    }

    /** After a refused save: the numbers as typed, the cards in that order, blanks last. */
    private static List<Card> typed(BallotView b, Map<Long, Integer> asked) {
        List<Card> out = new ArrayList<>();
        b.candidates().stream()
                .sorted(java.util.Comparator.comparing((FinalService.Candidate c) -> asked.getOrDefault(c.entryId(),
                        Integer.MAX_VALUE)))
                .forEach(c -> out.add(new Card(c.entryId(), c.code(), c.title(), c.category(), c.thumbnailFileId(), asked.get(c.entryId()),
                        false)));
        return out;
    }
}
