package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.entry.EntryService;
import org.juryroom.entry.EntryViews;
import org.juryroom.entry.EntryViews.EntryDetails;
import org.juryroom.web.WebErrors;
import org.juryroom.web.FileRow;

import java.util.List;

/** The organiser's view of entries: a competition's list, and one entry in full with its files. */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class EntryPages {

    static final int PAGE_SIZE = 100;

    public record EntryList(long competitionId, String competitionTitle, List<EntryViews.EntrySummary> entries,
                            int page, int pages, long total) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }

        public int pageNumber() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    public record EntryPage(EntryDetails entry, String competitionTitle, List<FileRow> files, FileRow current) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance entries(EntryList list);

        static native TemplateInstance entry(EntryPage page);
    }

    private final CompetitionService competitions;
    private final EntryService entries;
    private final WebErrors errors;

    public EntryPages(CompetitionService competitions, EntryService entries, WebErrors errors) {
        this.competitions = competitions;
        this.entries = entries;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/entries")
    public TemplateInstance list(@PathParam("cid") long cid, @QueryParam("page") @DefaultValue("0") int page) {
        Competition c = competitions.get(cid);
        Page<EntryViews.EntrySummary> p = entries.list(cid, Page.Request.of(Math.max(0, page), PAGE_SIZE))
                .map(e -> EntryViews.summary(e, true));
        return Templates.entries(new EntryList(cid, c.title, p.items(), p.page(),
                (int) Math.max(1, (p.total() + PAGE_SIZE - 1) / PAGE_SIZE), p.total()));
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
        EntryDetails d = (EntryDetails) entries.view(eid);
        List<FileRow> files = d.files().stream().map(FileRow::of).toList();
        FileRow current = files.stream().filter(f -> fileId != null && f.id() == fileId).findFirst()
                .orElse(files.isEmpty() ? null : files.get(0));
        return Templates.entry(new EntryPage(d, competitions.get(d.competitionId()).title, files, current));
    }
}
