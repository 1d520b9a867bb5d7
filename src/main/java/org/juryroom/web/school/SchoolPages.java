package org.juryroom.web.school;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.common.Problem;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryService;
import org.juryroom.entry.EntryStatus;
import org.juryroom.entry.EntryViews.EntryDetails;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.StreamedUpload;
import org.juryroom.storage.Upload;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.web.school.SchoolViews.CompetitionBlock;
import org.juryroom.web.school.SchoolViews.EntryForm;
import org.juryroom.web.school.SchoolViews.EntryPage;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.juryroom.web.WebErrors.redirect;

/**
 * The school portal: the school's entries per competition, the entry form, uploads, submit and
 * withdraw. Every action goes through {@link EntryService}, which enforces the same rules and
 * the same access policy as the API; this class only shapes pages.
 */
@Path("/school")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SCHOOL)
public class SchoolPages {

    @CheckedTemplate(basePath = "school")
    static class Templates {
        static native TemplateInstance portal(List<CompetitionBlock> competitions);

        static native TemplateInstance form(EntryForm form);

        static native TemplateInstance entry(EntryPage page);
    }

    private final CompetitionService competitions;
    private final EntryService entries;
    private final SchoolViews views;
    private final WebErrors errors;

    public SchoolPages(CompetitionService competitions, EntryService entries, SchoolViews views, WebErrors errors) {
        this.competitions = competitions;
        this.entries = entries;
        this.views = views;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public TemplateInstance portal() {
        List<CompetitionBlock> blocks = new ArrayList<>();
        for (Competition c : competitions.list()) {
            List<Entry> mine = entries.list(c.id, Page.Request.of(0, Page.MAX_SIZE)).items();
            if (c.status == CompetitionStatus.OPEN || !mine.isEmpty()) {
                blocks.add(views.block(c, mine));
            }
        }
        return Templates.portal(blocks);
    }

    @GET
    @Path("competitions/{cid}/new")
    public TemplateInstance newEntry(@PathParam("cid") long cid) {
        return Templates.form(views.blankForm(competitions.get(cid),
                entries.list(cid, Page.Request.of(0, Page.MAX_SIZE)).items()));
    }

    @POST
    @Path("competitions/{cid}/entries")
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response create(@PathParam("cid") long cid, @BeanParam EntryFormData form,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        try {
            long id = entries.create(cid, form.toCreate(), uploads(form.files));
            return done(accept, "/school/entries/" + id + "?created");
        } catch (RuntimeException e) {
            if (wantsJson(accept)) {
                return json(Forms.problem(e));
            }
            Errors errors = Forms.errors(e);
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.form(views.filledForm(competitions.get(cid), null, form, errors, true))).build();
        }
    }

    @GET
    @Path("entries/{eid}")
    public TemplateInstance entry(@PathParam("eid") long eid) {
        return Templates.entry(views.entryPage(details(eid), Errors.NONE));
    }

    @GET
    @Path("entries/{eid}/edit")
    public TemplateInstance edit(@PathParam("eid") long eid) {
        EntryDetails d = details(eid);
        return Templates.form(views.editForm(competitions.get(d.competitionId()), d));
    }

    @POST
    @Path("entries/{eid}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response update(@PathParam("eid") long eid, @BeanParam EntryFormData form) {
        try {
            entries.update(eid, form.toUpdate());
            return redirect("/school/entries/" + eid + "?saved");
        } catch (RuntimeException e) {
            EntryDetails d = details(eid);
            return Response.status(Forms.problem(e).status()).entity(Templates.form(
                    views.filledForm(competitions.get(d.competitionId()), d, form, Forms.errors(e), false))).build();
        }
    }

    /** Adds files from the plain form (no script): multipart, then the entry page again. */
    @POST
    @Path("entries/{eid}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response addFiles(@PathParam("eid") long eid, @RestForm("files") List<FileUpload> files,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        try {
            List<EntryFile> stored = entries.addFiles(eid, uploads(files));
            if (wantsJson(accept)) {
                return added(stored);
            }
            return redirect("/school/entries/" + eid + "?uploaded");
        } catch (RuntimeException e) {
            if (wantsJson(accept)) {
                return json(Forms.problem(e));
            }
            return refused(eid, e);
        }
    }

    /**
     * Adds one file sent by the upload script as the raw request body, one request per file, so
     * that an error belongs to that file: streamed into the store like the API's upload.
     */
    @POST
    @Path("entries/{eid}/files")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addFile(@PathParam("eid") long eid, @HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition,
                            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        try {
            return added(List.of(entries.addFile(eid, StreamedUpload.of(body, disposition, length, null))));
        } catch (RuntimeException e) {
            return json(Forms.problem(e));
        }
    }

    private static Response added(List<EntryFile> stored) {
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("files", stored.stream()
                .map(f -> Map.of("id", f.id, "name", f.displayName, "size", f.size)).toList())).build();
    }

    @POST
    @Path("entries/{eid}/files/{fid}/delete")
    public Response deleteFile(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        return act(eid, () -> entries.deleteFile(eid, fid), "removed");
    }

    @POST
    @Path("entries/{eid}/submit")
    public Response submit(@PathParam("eid") long eid) {
        return act(eid, () -> entries.submit(eid), "submitted");
    }

    @POST
    @Path("entries/{eid}/withdraw")
    public Response withdraw(@PathParam("eid") long eid) {
        return act(eid, () -> entries.withdraw(eid), "withdrawn");
    }

    @POST
    @Path("entries/{eid}/reopen")
    public Response reopen(@PathParam("eid") long eid) {
        return act(eid, () -> entries.reopen(eid), "reopened");
    }

    @POST
    @Path("entries/{eid}/reinstate")
    public Response reinstate(@PathParam("eid") long eid) {
        return act(eid, () -> entries.reinstate(eid), "reinstated");
    }

    /** A school's action on its entry: back to the entry page saying {@code done}, or the page with the refusal. */
    private Response act(long eid, Runnable action, String done) {
        try {
            action.run();
            return redirect("/school/entries/" + eid + "?" + done);
        } catch (RuntimeException e) {
            return refused(eid, e);
        }
    }

    private EntryDetails details(long eid) {
        return (EntryDetails) entries.view(eid);
    }

    /** The entry page again, with what stopped the action at the top; 404 stays a 404 page. */
    private Response refused(long eid, RuntimeException e) {
        Problem p = Forms.problem(e);
        if (p.status() == 404) {
            throw e;
        }
        return Response.status(p.status()).entity(Templates.entry(views.entryPage(details(eid), Forms.errors(e))))
                .build();
    }

    private static Response done(String accept, String location) {
        if (wantsJson(accept)) {
            return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("location", location))
                    .build();
        }
        return redirect(location);
    }

    private static Response json(Problem p) {
        return Response.status(p.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(p).build();
    }

    /** The upload script asks for JSON; a plain form post (no script) gets pages. */
    private static boolean wantsJson(String accept) {
        return accept != null && accept.startsWith(MediaType.APPLICATION_JSON);
    }

    private static List<Upload> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream().filter(f -> f.size() > 0 || !f.fileName().isBlank())
                .map(f -> new Upload(f.uploadedFile(), f.fileName(), null)).toList();
    }

    static boolean editable(Entry e) {
        return e.status == EntryStatus.DRAFT && editable(e.competition);
    }

    /** Entries of the competition may still be changed (open, before the deadline). */
    static boolean editable(Competition c) {
        return c.status == CompetitionStatus.OPEN && Instant.now().isBefore(c.submissionClosesAt);
    }
}
