package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.juryroom.access.Roles;
import org.juryroom.common.CsvImport;
import org.juryroom.common.ProblemTexts;
import org.juryroom.judging.Juror;
import org.juryroom.judging.JurorImport;
import org.juryroom.judging.JurorService;
import org.juryroom.school.School;
import org.juryroom.school.SchoolImport;
import org.juryroom.school.SchoolService;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The organiser edits a school or a juror, and imports either from a CSV: upload (or paste), see
 * the preview with what would be created and each line's errors, then confirm. The pages use the
 * API's services (SchoolService/JurorService.update, CsvImport), so they decide alike.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class PersonPages {

    /**
     * The edit form: {@code second}…{@code fourth} as on the people page (district/contact name/e-mail; e-mail/expertise;
     * a lead's e-mail/phone);
     * "?saved" after a save. {@code heading}: the person's stored name, which the page is titled by: on a refused save
     * {@code name} is what was typed, perhaps nothing, perhaps a name that was not taken.
     */
    public record PersonForm(String kind, long id, String heading, String name, String second, String third,
                             String fourth, Errors errors) {
        public boolean schools() {
            return kind.equals("schools");
        }

        /** A safeguarding lead's form (LeadPages): e-mail and phone. */
        public boolean leads() {
            return kind.equals("safeguarding-leads");
        }
    }

    /**
     * The import page: {@code columns} and {@code optional} the column names a file's first line gives; {@code result}
     * null before a preview, its messages as the reader reads them ({@link #onPage}); {@code csv} the previewed file,
     * sent again to confirm.
     */
    public record ImportPage(String kind, String columns, String optional, String csv, CsvImport.Result result,
                             Errors errors) {
        public boolean schools() {
            return kind.equals("schools");
        }

        public int toCreate() {
            return result == null ? 0
                    : (int) result.lines().stream().filter(l -> l.outcome() == CsvImport.Outcome.CREATE).count();
        }

        public boolean canConfirm() {
            return result != null && result.errors().isEmpty() && toCreate() > 0;
        }
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance person(PersonForm form);

        static native TemplateInstance importPeople(ImportPage page);
    }

    private final SchoolService schools;
    private final JurorService jurors;
    private final SchoolImport schoolImport;
    private final JurorImport jurorImport;
    private final WebErrors errors;

    public PersonPages(SchoolService schools, JurorService jurors, SchoolImport schoolImport, JurorImport jurorImport,
                       WebErrors errors) {
        this.schools = schools;
        this.jurors = jurors;
        this.schoolImport = schoolImport;
        this.jurorImport = jurorImport;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("schools/{sid}/edit")
    public Response editSchool(@PathParam("sid") long sid) {
        School s = schools.get(sid);
        return noStore(Templates.person(new PersonForm("schools", sid, s.name, s.name, s.district, s.contactName,
                s.contactEmail, Errors.NONE)));
    }

    // Posted to the edit page's own path: "schools/{sid}" would also match "schools/import".
    @POST
    @Path("schools/{sid}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSchool(@PathParam("sid") long sid, @RestForm String name, @RestForm String district,
                               @RestForm String contactName, @RestForm String contactEmail) {
        try {
            schools.update(sid, new SchoolService.UpdateSchool(name, district, contactName, contactEmail));
            return WebErrors.redirect("/organiser/schools/" + sid + "/edit?saved");
        } catch (RuntimeException e) {
            return refused(e, new PersonForm("schools", sid, schools.get(sid).name, nz(name), nz(district),
                    nz(contactName), nz(contactEmail), Forms.errors(e)));
        }
    }

    @GET
    @Path("jurors/{jid}/edit")
    public Response editJuror(@PathParam("jid") long jid) {
        Juror j = jurors.get(jid);
        return noStore(Templates.person(new PersonForm("jurors", jid, j.name, j.name, j.email, nz(j.expertise), "",
                Errors.NONE)));
    }

    @POST
    @Path("jurors/{jid}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveJuror(@PathParam("jid") long jid, @RestForm String name, @RestForm String email,
                              @RestForm String expertise) {
        try {
            jurors.update(jid, new JurorService.UpdateJuror(name, email, expertise));
            return WebErrors.redirect("/organiser/jurors/" + jid + "/edit?saved");
        } catch (RuntimeException e) {
            return refused(e, new PersonForm("jurors", jid, jurors.get(jid).name, nz(name), nz(email),
                    nz(expertise), "", Forms.errors(e)));
        }
    }

    @GET
    @Path("{kind}/import")
    public Response importForm(@PathParam("kind") String kind) {
        // The import's counts come back in the address (?created=&existing=): the page reads them as counts only.
        return noStore(Templates.importPeople(new ImportPage(kind, columns(kind, true), columns(kind, false), "", null,
                Errors.NONE)));
    }

    /** The preview (a dry run) of an uploaded or pasted CSV. */
    @POST
    @Path("{kind}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@PathParam("kind") String kind, @RestForm("file") FileUpload file,
                            @RestForm("csv") String pasted) {
        String csv = file != null && file.size() > 0 ? read(file) : nz(pasted);
        return noStore(Templates.importPeople(new ImportPage(kind, columns(kind, true), columns(kind, false), csv,
                onPage(importer(kind).run(csv, true)), Errors.NONE)));
    }

    /** The import itself, of the file previewed; all or nothing (a file with errors shows the preview again). */
    @POST
    @Path("{kind}/import/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("kind") String kind, @RestForm("csv") String csv) {
        Importer importer = importer(kind);
        try {
            CsvImport.Result r = importer.run(nz(csv), false);
            return WebErrors.redirect("/organiser/" + kind + "/import?created=" + r.created() + "&existing=" + r.existing());
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.importPeople(new ImportPage(kind,
                    columns(kind, true), columns(kind, false), nz(csv), onPage(importer.run(nz(csv), true)),
                    Forms.errors(e)))).header("Cache-Control", "no-store").build();
        }
    }

    private interface Importer {
        CsvImport.Result run(String csv, boolean dryRun);
    }

    private Importer importer(String kind) {
        return switch (kind) {
            case "schools" -> schoolImport::run;
            case "jurors" -> jurorImport::run;
            default -> throw new NotFoundException();
        };
    }

    /** The names of the kind's required (or optional) columns, as a file's first line gives them. */
    private String columns(String kind, boolean required) {
        CsvImport.Kind<?> k = switch (kind) {
            case "schools" -> schoolImport;
            case "jurors" -> jurorImport;
            default -> throw new NotFoundException();
        };
        return String.join(", ", required ? k.required() : k.optional());
    }

    /** The preview's messages as the page's reader reads them: in their language, in words, not the API's. */
    private static CsvImport.Result onPage(CsvImport.Result r) {
        String language = org.juryroom.i18n.Languages.ofCurrentRequest();
        return new CsvImport.Result(r.dryRun(), r.created(), r.existing(), r.lines(), r.errors().stream()
                .map(e -> new CsvImport.LineError(e.line(), e.field(), ProblemTexts.onPage(e.message(), language)))
                .toList());
    }

    // Bytes that are not UTF-8 become U+FFFD, which the import refuses on its line (Csv): the preview says where.
    private static String read(FileUpload file) {
        try {
            return new String(Files.readAllBytes(file.uploadedFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response refused(RuntimeException e, PersonForm form) {
        if (Forms.problem(e).status() == 404) {
            throw e;
        }
        return Response.status(Forms.problem(e).status()).entity(Templates.person(form))
                .header("Cache-Control", "no-store").build();
    }

    static Response noStore(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
