package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.entry.Entry;
import org.juryroom.judging.Juror;
import org.juryroom.judging.PanelService;
import org.juryroom.rounds.FinalService;
import org.juryroom.rounds.RoundService;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.rounds.FinalBallot;
import org.juryroom.rounds.RoundRemedy;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The organiser's FINAL round: its jury, who has voted, the close (excusing a missing ballot with
 * a reason) and, once closed, the sealed result with its verification. Each action is one call to
 * the service the API uses (FinalService, RoundService); refusals are shown on the page.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class FinalRoundPages {

    /** {@code voted}: has a ballot; {@code excused}: excused from it with a close. */
    public record JurorRow(long id, String name, boolean member, boolean voted, boolean excused) {
    }

    public record Award(String label, Integer place, String code, String title) {
    }

    public record FinalPage(Competition competition, long roundId, RoundStatus status, List<JurorRow> jurors,
                            List<Award> provisional, List<Award> awards, String digest, Boolean valid,
                            Errors errors) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance finalRound(FinalPage page);
    }

    private final CompetitionService competitions;
    private final FinalService finals;
    private final RoundService rounds;
    private final WebErrors errors;

    public FinalRoundPages(CompetitionService competitions, FinalService finals, RoundService rounds,
                           WebErrors errors) {
        this.competitions = competitions;
        this.finals = finals;
        this.rounds = rounds;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/rounds/{rid}/final")
    public TemplateInstance page(@PathParam("cid") long cid, @PathParam("rid") long rid) {
        return Templates.finalRound(page(cid, rid, Errors.NONE));
    }

    @POST
    @Path("competitions/{cid}/rounds/{rid}/final/jury")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response jury(@PathParam("cid") long cid, @PathParam("rid") long rid, @RestForm List<Long> juror) {
        requireFinal(cid, rid);
        try {
            List<PanelService.Member> members = (juror == null ? List.<Long>of() : juror).stream()
                    .distinct().map(j -> new PanelService.Member(j, List.of())).toList();
            finals.replaceJury(cid, rid, new FinalService.Jury(members));
            return redirect("/organiser/competitions/" + cid + "/rounds/" + rid + "/final?jury");
        } catch (RuntimeException e) {
            return refused(cid, rid, e);
        }
    }

    @POST
    @Path("competitions/{cid}/rounds/{rid}/final/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("cid") long cid, @PathParam("rid") long rid, @RestForm List<Long> excuse,
                          @RestForm String reason) {
        requireFinal(cid, rid);
        try {
            rounds.close(cid, rid, new RoundService.CloseRequest(reason == null || reason.isBlank() ? null : reason,
                    excuse == null ? List.of() : excuse, List.of()));
            return redirect("/organiser/competitions/" + cid + "/rounds/" + rid + "/final?closed");
        } catch (RuntimeException e) {
            return refused(cid, rid, e);
        }
    }

    private Response refused(long cid, long rid, RuntimeException e) {
        if (Forms.problem(e).status() == 404) {
            throw e;
        }
        return Response.status(Forms.problem(e).status())
                .entity(Templates.finalRound(page(cid, rid, Forms.errors(e)))).build();
    }

    /** This page is for a FINAL round only: any other round of the competition is 404 here. */
    private FinalService.JuryView requireFinal(long cid, long rid) {
        FinalService.JuryView jury = finals.jury(cid, rid);
        if (jury.kind() != org.juryroom.rounds.RoundKind.FINAL) {
            throw org.juryroom.common.ProblemException.notFound("Round " + rid + " of competition " + cid);
        }
        return jury;
    }

    private FinalPage page(long cid, long rid, Errors errs) {
        Competition c = competitions.get(cid);
        FinalService.JuryView jury = requireFinal(cid, rid);
        RoundStatus status = rounds.list(cid).stream().filter(r -> r.id() == rid).findFirst().orElseThrow().status();
        RoundService.Preview p = null;
        try {
            // Only an open round has a provisional result; before it opens its preview is refused as not open yet.
            p = status == RoundStatus.OPEN ? rounds.preview(cid, rid) : null;
        } catch (org.juryroom.common.ProblemException e) {
            // Nothing can be decided now (a held candidate, a conflicted juror): the page says why.
            if (e.toProblem().status() != 409) {
                throw e;
            }
            errs = errs == Errors.NONE ? Forms.errors(e) : errs;
        }
        Set<Long> members = new HashSet<>();
        jury.members().forEach(m -> members.add(m.jurorId()));
        List<JurorRow> jurors = new ArrayList<>();
        for (Juror j : Juror.<Juror>list("order by name")) {
            boolean member = members.contains(j.id);
            jurors.add(new JurorRow(j.id, j.name, member, member && FinalBallot.of(rid, j.id).isPresent(),
                    member && RoundRemedy.count("roundId = ?1 and kind = ?2 and jurorId = ?3", rid,
                            RoundRemedy.Kind.EXCUSE, j.id) > 0));
        }
        List<Award> provisional = p == null || p.result() == null ? List.of()
                : awards(p.result().places(), p.result().mentions());
        List<Award> awards = List.of();
        String digest = null;
        Boolean valid = null;
        if (status == RoundStatus.CLOSED) {
            FinalService.ResultView r = finals.result(cid, rid);
            awards = awards(r.places(), r.mentions());
            digest = r.digest();
            valid = finals.verify(cid, rid).valid();
        }
        return new FinalPage(c, rid, status, jurors, provisional, awards, digest, valid, errs);
    }

    private static List<Award> awards(List<FinalService.Place> places, List<Long> mentions) {
        List<Award> out = new ArrayList<>();
        places.forEach(p -> p.entryIds().forEach(id -> out.add(award(p.place(), id))));
        mentions.forEach(id -> out.add(award(null, id)));
        return out;
    }

    private static Award award(Integer place, long entryId) {
        Entry e = Entry.findById(entryId);
        return new Award(place == null ? "mention" : "place", place, e.code, e.title);
    }
}
