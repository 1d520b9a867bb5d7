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
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.entry.EntryRequests;
import org.juryroom.entry.EntryService;
import org.juryroom.entry.EntryViews;
import org.juryroom.entry.EntryViews.EntryDetails;
import org.juryroom.entry.RedactionService;
import org.juryroom.entry.RedactionService.RedactionView;
import org.juryroom.entry.RedactionService.Redactions;
import org.juryroom.judging.ScorecardService;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;
import org.juryroom.web.FileRow;

import java.util.List;

/**
 * The organiser's view of entries: a competition's list, and one entry in full with its files and
 * the words hidden from the jury's copy of its text.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class EntryPages {

    static final int PAGE_SIZE = 100;

    public record EntryList(long competitionId, String competitionTitle, List<EntryViews.EntrySummary> entries,
                            Paging paging, long total, org.juryroom.web.ListQuery query, List<String> statuses) {
    }

    /** The list's sortable columns, as the query names them. */
    static final List<String> SORTS = java.util.Arrays.stream(EntryService.EntryOrder.values())
            .map(o -> o.name().toLowerCase()).toList();
    static final List<String> STATUSES = java.util.Arrays.stream(org.juryroom.entry.EntryStatus.values())
            .map(Enum::name).toList();

    /**
     * @param redactions the words hidden from the jury and what the jury reads as a result
     * @param evidence   every juror's scorecard, with names, marks, comments and normalised totals
     */
    public record EntryPage(EntryDetails entry, String competitionTitle, List<FileRow> files, FileRow current,
                            RedactionView redactions, Errors errors, Evidence evidence) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance entries(EntryList list);

        static native TemplateInstance entry(EntryPage page);
    }

    private final CompetitionService competitions;
    private final EntryService entries;
    private final RedactionService redactions;
    private final ScorecardService scorecards;
    private final WebErrors errors;

    public EntryPages(CompetitionService competitions, EntryService entries, RedactionService redactions,
                      ScorecardService scorecards, WebErrors errors) {
        this.competitions = competitions;
        this.entries = entries;
        this.redactions = redactions;
        this.scorecards = scorecards;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/entries")
    public TemplateInstance list(@PathParam("cid") long cid, @QueryParam("page") @DefaultValue("0") int page,
                                 @jakarta.ws.rs.BeanParam org.juryroom.web.ListQuery query) {
        Competition c = competitions.get(cid);
        String status = query.filterOf(STATUSES);
        Page<EntryViews.EntrySummary> p = entries.search(cid, query.text(),
                        status.isEmpty() ? null : org.juryroom.entry.EntryStatus.valueOf(status),
                        EntryService.EntryOrder.valueOf(query.sortOf(SORTS, "code").toUpperCase()), query.descending(),
                        Page.Request.of(Math.max(0, page), PAGE_SIZE), org.juryroom.i18n.Languages.ofCurrentRequest())
                .map(e -> EntryViews.summary(e, true));
        return Templates.entries(new EntryList(cid, c.title, p.items(),
                Paging.of(p.page(), p.total(), PAGE_SIZE, query.keep()), p.total(), query, STATUSES));
    }

    /** The organiser has looked at a file that storage held back and releases it to the jury. */
    @POST
    @Path("entries/{eid}/files/{fid}/review")
    public Response release(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        entries.clearReview(eid, fid);
        return WebErrors.redirect("/organiser/entries/" + eid + "?file=" + fid + "&released");
    }

    @GET
    @Path("entries/{eid}")
    public TemplateInstance entry(@PathParam("eid") long eid, @QueryParam("file") Long fileId) {
        return Templates.entry(entryPage(eid, fileId, Errors.NONE));
    }

    /** Adds a word to hide from the jury's copy of the title and statement, or removes one ({@code remove}). */
    @POST
    @Path("entries/{eid}/redactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response redact(@PathParam("eid") long eid, @RestForm String term, @RestForm String remove) {
        List<String> now = redactions.get(eid).terms();
        try {
            redactions.replace(eid, remove != null ? Redactions.removing(now, remove) : Redactions.adding(now, term));
            return WebErrors.redirect("/organiser/entries/" + eid + "?redacted#redactions");
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.entry(entryPage(eid, null,
                    Forms.errors(e)))).build();
        }
    }

    /** Marks that the work shows a recognisable child (or clears the mark): no child's name is then published with it. */
    @POST
    @Path("entries/{eid}/identifiable-child")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response identifiableChild(@PathParam("eid") long eid, @RestForm String identifiableChild) {
        entries.setIdentifiableChild(eid, new EntryRequests.IdentifiableChild(identifiableChild != null
                && !identifiableChild.isEmpty()));
        return WebErrors.redirect("/organiser/entries/" + eid + "?identifiable#identifiable");
    }

    private EntryPage entryPage(long eid, Long fileId, Errors errors) {
        EntryDetails d = (EntryDetails) entries.view(eid);
        List<FileRow> files = d.files().stream().map(FileRow::of).toList();
        FileRow current = files.stream().filter(f -> fileId != null && f.id() == fileId).findFirst()
                .orElse(files.isEmpty() ? null : files.get(0));
        Competition c = competitions.get(d.competitionId());
        return new EntryPage(d, c.title, files, current, redactions.get(eid), errors,
                Evidence.of(c, scorecards.evidence(c.id, List.of(eid)).get(eid)));
    }
}
