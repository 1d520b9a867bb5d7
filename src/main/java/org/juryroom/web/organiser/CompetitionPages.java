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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.common.ProblemException;
import org.juryroom.common.ProblemMappers;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.CompetitionView;
import org.juryroom.judging.AssignmentService;
import org.juryroom.judging.JudgingProgress;
import org.juryroom.judging.JudgingProgress.Progress;
import org.juryroom.ranking.Shortlist;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;
import org.juryroom.web.organiser.OrganiserViews.CompetitionCard;
import org.juryroom.web.organiser.OrganiserViews.Dashboard;

import java.util.List;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The organiser console for competitions: create and edit, move through the lifecycle (publish
 * and unpublish included), assign jurors, follow progress. The ranking and the shortlist are
 * {@link RankingPages}. Each action is one call to the same service the API uses.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class CompetitionPages {

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance competitions(List<CompetitionCard> competitions);

        static native TemplateInstance competitionForm(CompetitionForm form);

        static native TemplateInstance dashboard(Dashboard page);
    }

    private final CompetitionService competitions;
    private final JudgingProgress progress;
    private final AssignmentService assignments;
    private final WebErrors errors;
    private final org.juryroom.judging.JuryReminders reminders;

    public CompetitionPages(CompetitionService competitions, JudgingProgress progress, AssignmentService assignments,
                            WebErrors errors, org.juryroom.judging.JuryReminders reminders) {
        this.reminders = reminders;
        this.competitions = competitions;
        this.progress = progress;
        this.assignments = assignments;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public TemplateInstance list() {
        List<CompetitionCard> cards = competitions.list().stream().map(c -> {
            Progress p = progress.of(c.id);
            return new CompetitionCard(c.id, c.title, c.status, c.submissionClosesAt, p.submittedEntries(),
                    p.scorecardsSubmitted(), p.assignments());
        }).toList();
        return Templates.competitions(cards);
    }

    @GET
    @Path("competitions/new")
    public TemplateInstance newCompetition() {
        return Templates.competitionForm(CompetitionForm.blank());
    }

    @POST
    @Path("competitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create() {
        CompetitionForm form = CompetitionForm.posted(null, null);
        try {
            Competition c = competitions.create(form.toRequest());
            return redirect("/organiser/competitions/" + c.id + "?created");
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.competitionForm(form.withErrors(Forms.errors(e)))).build();
        }
    }

    @GET
    @Path("competitions/{cid}/edit")
    public TemplateInstance edit(@PathParam("cid") long cid) {
        return Templates.competitionForm(CompetitionForm.of(competitions.get(cid)));
    }

    @POST
    @Path("competitions/{cid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("cid") long cid) {
        CompetitionForm current = CompetitionForm.of(competitions.get(cid));
        CompetitionForm form = CompetitionForm.posted(cid, current.status());
        if (current.structureLocked()) {
            form = form.withStructureOf(current);
        }
        try {
            competitions.update(cid, form.toRequest());
            return redirect("/organiser/competitions/" + cid + "?saved");
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.competitionForm(form.withErrors(Forms.errors(e)))).build();
        }
    }

    @GET
    @Path("competitions/{cid}")
    public TemplateInstance dashboard(@PathParam("cid") long cid) {
        return Templates.dashboard(dashboardOf(cid, Errors.NONE));
    }

    @POST
    @Path("competitions/{cid}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("cid") long cid, @RestForm String to) {
        CompetitionStatus target;
        try {
            target = CompetitionStatus.valueOf(to);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Only a crafted form names no step or an unknown one: refused as the API refuses it, nothing moved.
            return refusedOnDashboard(cid, ProblemException.unprocessable("to",
                    ProblemMappers.oneOf(CompetitionStatus.class)));
        }
        try {
            competitions.transition(cid, target);
            return redirect((target == CompetitionStatus.PUBLISHED || target == CompetitionStatus.FROZEN
                    ? "/organiser/competitions/" + cid + "/shortlist?moved=" : "/organiser/competitions/" + cid
                    + "?moved=") + target.name());
        } catch (RuntimeException e) {
            return refusedOnDashboard(cid, e);
        }
    }

    @POST
    @Path("competitions/{cid}/assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("cid") long cid, @RestForm @DefaultValue("3") int jurorsPerEntry,
                           @RestForm String seed) {
        OrganiserViews.AssignForm typed = new OrganiserViews.AssignForm(Integer.toString(jurorsPerEntry),
                seed == null ? "" : seed);
        try {
            Long s = seed == null || seed.isBlank() ? null : Long.valueOf(seed.strip());
            AssignmentService.Result r = assignments.assign(cid, jurorsPerEntry, s);
            return redirect("/organiser/competitions/" + cid + "?assigned=" + r.assignments() + "&entries="
                    + r.entries() + "&short=" + r.entriesShortOfJurors().size());
        } catch (NumberFormatException e) {
            return refusedOnDashboard(cid, new ProblemException(422, "Unprocessable entity",
                    "The seed must be a whole number"), typed);
        } catch (RuntimeException e) {
            return refusedOnDashboard(cid, e, typed);
        }
    }

    /** "Remind everyone who has not finished" (the API's POST /reminders): one mail per juror with work left. */
    @POST
    @Path("competitions/{cid}/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remind(@PathParam("cid") long cid) {
        try {
            return redirect("/organiser/competitions/" + cid + "?reminded=" + reminders.remindUnfinished(cid).size()
                    + "#per-juror");
        } catch (RuntimeException e) {
            return refusedOnDashboard(cid, e);
        }
    }

    /**
     * The retention date from the dashboard (tags/retention.html): a day, erased at its end in the
     * competition's zone; blank returns to the default (first publication + 12 months).
     */
    @POST
    @Path("competitions/{cid}/retention")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retention(@PathParam("cid") long cid, @RestForm String retainPersonalDataUntil) {
        try {
            java.time.OffsetDateTime until = null;
            if (retainPersonalDataUntil != null && !retainPersonalDataUntil.isBlank()) {
                until = org.juryroom.common.Dates.day(retainPersonalDataUntil).plusDays(1)
                        .atStartOfDay(org.juryroom.web.Formats.zone()).minusSeconds(1).toOffsetDateTime();
            }
            competitions.updateRetention(cid, new org.juryroom.competition.CompetitionRequests.RetentionSetting(until));
            return redirect("/organiser/competitions/" + cid + "?retention=set#retention");
        } catch (java.time.DateTimeException e) {
            return refusedOnDashboard(cid, ProblemException.unprocessable("retainPersonalDataUntil",
                    "must be a date (YYYY-MM-DD)"));
        } catch (RuntimeException e) {
            return refusedOnDashboard(cid, e);
        }
    }

    private Dashboard dashboardOf(long cid, Errors errors) {
        return dashboardOf(cid, errors, OrganiserViews.AssignForm.FRESH);
    }

    private Dashboard dashboardOf(long cid, Errors errors, OrganiserViews.AssignForm assign) {
        Competition c = competitions.get(cid);
        return new Dashboard(CompetitionView.of(c), progress.of(cid), OrganiserViews.steps(c.status),
                c.status == CompetitionStatus.OPEN || c.status == CompetitionStatus.JUDGING,
                Shortlist.ofCompetition(cid).isPresent(), errors, reminders.history(cid), assign);
    }

    private Response refusedOnDashboard(long cid, RuntimeException e) {
        return refusedOnDashboard(cid, e, OrganiserViews.AssignForm.FRESH);
    }

    /** {@code assign}: the assignment form as it comes back (as typed when it was that form's run that was refused). */
    private Response refusedOnDashboard(long cid, RuntimeException e, OrganiserViews.AssignForm assign) {
        if (Forms.problem(e).status() == 404) {
            throw e;
        }
        return Response.status(Forms.problem(e).status())
                .entity(Templates.dashboard(dashboardOf(cid, Forms.errors(e), assign))).build();
    }
}
