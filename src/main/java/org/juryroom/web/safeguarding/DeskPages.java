package org.juryroom.web.safeguarding;

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
import org.juryroom.safeguarding.ConcernAction;
import org.juryroom.safeguarding.ConcernService;
import org.juryroom.safeguarding.EvidencePackage;
import org.juryroom.storage.FileDownloads;
import org.juryroom.web.Formats;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The safeguarding desk: the queue, each concern with its record and actions, the evidence package. */
@Path("/safeguarding")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SAFEGUARDING)
public class DeskPages {

    public record Desk(String tab, List<ConcernService.QueueItem> concerns) {
    }

    public record ConcernPage(ConcernService.ConcernRecord concern, Errors errors, String action, String note,
                              String reportedTo, String reportReference, String reportedAt) {
        /** What the lead records about the work on the concern; releasing or excluding the entry is asked apart. */
        public List<String> actions() {
            return java.util.Arrays.stream(ConcernAction.Kind.values()).map(Enum::name)
                    .filter(a -> !DECISIONS.contains(a)).toList();
        }

        /** Whether the refused form was a decision about the entry (its confirmation is shown open again). */
        public boolean decision() {
            return DECISIONS.contains(action);
        }
    }

    /** Releasing or excluding the entry: each behind its own confirmation on the page. */
    private static final List<String> DECISIONS = List.of(ConcernAction.Kind.RELEASED.name(),
            ConcernAction.Kind.EXCLUDED.name());

    @CheckedTemplate(basePath = "safeguarding")
    static class Templates {
        static native TemplateInstance desk(Desk desk);

        static native TemplateInstance concern(ConcernPage page);
    }

    private final ConcernService concerns;
    private final EvidencePackage evidence;
    private final FileDownloads downloads;
    private final WebErrors errors;

    public DeskPages(ConcernService concerns, EvidencePackage evidence, FileDownloads downloads, WebErrors errors) {
        this.concerns = concerns;
        this.evidence = evidence;
        this.downloads = downloads;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public Response desk(@QueryParam("tab") String tab) {
        String shown = "closed".equals(tab) ? "closed" : "open";
        return noStore(Templates.desk(new Desk(shown, concerns.queue(shown.toUpperCase(java.util.Locale.ROOT)))));
    }

    @GET
    @Path("concerns/{id}")
    public Response concern(@PathParam("id") long id) {
        return noStore(Templates.concern(new ConcernPage(concerns.detail(id), Errors.NONE, "", "", "", "", "")));
    }

    @POST
    @Path("concerns/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @RestForm String action, @RestForm String note,
                        @RestForm String reportedTo, @RestForm String reportReference, @RestForm String reportedAt) {
        try {
            concerns.act(id, new ConcernService.ActionRequest(kind(action), note, reportedTo, reportReference,
                    instant(reportedAt)));
            return WebErrors.redirect("/safeguarding/concerns/" + id + "?saved");
        } catch (RuntimeException e) {
            if (Forms.problem(e).status() == 404) {
                throw e;
            }
            return Response.status(Forms.problem(e).status()).header("Cache-Control", "no-store")
                    .entity(Templates.concern(new ConcernPage(concerns.detail(id), Forms.errors(e), nz(action),
                            nz(note), nz(reportedTo), nz(reportReference), nz(reportedAt)))).build();
        }
    }

    @GET
    @Path("concerns/{id}/files/{fid}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("fid") long fid) {
        return downloads.respond(concerns.file(id, fid), null);
    }

    @GET
    @Path("concerns/{id}/evidence")
    @Produces("application/zip")
    public Response evidence(@PathParam("id") long id) {
        return evidence.of(id).response();
    }

    /** A file's type as people name it ("JPEG"), not its media type: as the concern's page shows it to its reader. */
    @io.quarkus.qute.TemplateExtension
    static String type(ConcernService.FileRecord file) {
        return org.juryroom.storage.FileTypes.name(file.contentType(), org.juryroom.i18n.Languages.ofCurrentRequest());
    }

    private static ConcernAction.Kind kind(String value) {
        try {
            return value == null || value.isBlank() ? null : ConcernAction.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A datetime-local field, in the zone the pages show times in; unreadable counts as not given. */
    private static Instant instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(Formats.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Response noStore(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
