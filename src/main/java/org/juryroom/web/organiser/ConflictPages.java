package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.juryroom.common.Page;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionView;
import org.juryroom.judging.AssignmentService.Reassignment;
import org.juryroom.judging.ConflictService;
import org.juryroom.judging.ConflictService.ConflictView;
import org.juryroom.judging.Juror;
import org.juryroom.judging.JurorService;
import org.juryroom.web.AllPages;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.Paging;
import org.juryroom.web.SchoolPicker;
import org.juryroom.web.WebErrors;

import java.util.List;
import java.util.Map;

import static org.juryroom.web.WebErrors.redirect;

/**
 * Conflicts of interest, seen from a competition: every juror's conflicts, recording one for any
 * juror and school, lifting one. A conflict holds in every competition; the service takes the
 * school's entries out of the juror's queues and tops them up with other jurors at once.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class ConflictPages {

    static final int PAGE_SIZE = 50;

    public record JurorChoice(long id, String name) {
    }

    /**
     * @param outcome what recording the conflict changed, or null
     */
    /** {@code typed}: the new conflict's form as sent, when it was refused (else empty). */
    public record ConflictsPage(CompetitionView competition, List<ConflictView> conflicts, Paging paging, long total,
                                Long jurorFilter, List<JurorChoice> jurors, SchoolPicker picker, Outcome outcome,
                                Errors errors, Typed typed) {
    }

    /** What the organiser had chosen and typed in the new conflict's form. */
    public record Typed(Long jurorId, String reason) {

        static final Typed NONE = new Typed(null, "");

        public boolean isJuror(long id) {
            return jurorId != null && jurorId == id;
        }
    }

    /** What a new conflict did: {@code existed} when it had been recorded before. */
    public record Outcome(boolean existed, Reassignment reassignment) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance conflicts(ConflictsPage page);
    }

    private final CompetitionService competitions;
    private final ConflictService conflicts;
    private final JurorService jurors;
    private final WebErrors errors;

    public ConflictPages(CompetitionService competitions, ConflictService conflicts, JurorService jurors,
                         WebErrors errors) {
        this.competitions = competitions;
        this.conflicts = conflicts;
        this.jurors = jurors;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/conflicts")
    public TemplateInstance list(@PathParam("cid") long cid, @QueryParam("juror") Long juror,
                                 @QueryParam("district") String district,
                                 @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("left") Integer left, @QueryParam("jurors") Integer added,
                                 @QueryParam("short") Integer stillShort, @QueryParam("existed") String existed) {
        Outcome outcome = left == null ? null : new Outcome(existed != null, new Reassignment(left,
                added == null ? 0 : added, stillShort == null ? 0 : stillShort));
        return Templates.conflicts(pageOf(cid, juror, district, Math.max(0, page), outcome, Errors.NONE, null,
                Typed.NONE));
    }

    @POST
    @Path("competitions/{cid}/conflicts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("cid") long cid, @RestForm Long jurorId, @RestForm Long schoolId,
                        @RestForm String reason) {
        try {
            ConflictService.Declared<ConflictView> d = conflicts.add(cid, new ConflictService.AddConflict(jurorId,
                    schoolId, reason));
            Reassignment r = d.reassignment();
            return redirect("/organiser/competitions/" + cid + "/conflicts?left=" + r.entriesLeft() + "&jurors="
                    + r.jurorsAdded() + "&short=" + r.entriesShort() + (d.created() ? "" : "&existed"));
        } catch (RuntimeException e) {
            if (Forms.problem(e).status() == 404) {
                throw e;
            }
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.conflicts(pageOf(cid, null, null, 0, null, Forms.errors(e), schoolId,
                            new Typed(jurorId, reason == null ? "" : reason)))).build();
        }
    }

    @POST
    @Path("competitions/{cid}/conflicts/{conflictId}/delete")
    public Response remove(@PathParam("cid") long cid, @PathParam("conflictId") long conflictId) {
        conflicts.remove(cid, conflictId);
        return redirect("/organiser/competitions/" + cid + "/conflicts?removed");
    }

    private ConflictsPage pageOf(long cid, Long juror, String district, int page, Outcome outcome, Errors errors,
                                 Long school, Typed typed) {
        CompetitionView c = CompetitionView.of(competitions.get(cid));
        Page<ConflictView> p = conflicts.list(cid, juror, Page.Request.of(page, PAGE_SIZE));
        List<JurorChoice> all = AllPages.of(jurors::list).stream().map((Juror j) -> new JurorChoice(j.id, j.name))
                .toList();
        return new ConflictsPage(c, p.items(), Paging.of(p.page(), p.total(), PAGE_SIZE,
                Map.of("juror", juror == null ? "" : juror.toString(), "district", district == null ? "" : district)), p.total(), juror, all,
                SchoolPicker.of(conflicts, district, school), outcome, errors, typed);
    }
}
