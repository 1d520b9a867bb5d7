package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.judging.JurorService;
import org.juryroom.school.SchoolService;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;

import java.util.List;

/**
 * Schools and jurors: the lists, and registering new ones. A new sign-in's generated password
 * is on the page that answers the registration and nowhere else, ever (it is stored only as a
 * hash); that page is never cached.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class PeoplePages {

    static final int PAGE_SIZE = 50;

    public record Person(long id, String name, String detail, String contact) {
    }

    /** Shown once, right after registering. */
    public record Issued(String name, String username, String password) {
    }

    public record PeoplePage(String kind, List<Person> people, Paging paging, long total, Issued issued,
                             String name, String second, String third, String fourth, Errors errors) {
        public boolean schools() {
            return kind.equals("schools");
        }
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance people(PeoplePage page);
    }

    private final SchoolService schools;
    private final JurorService jurors;
    private final WebErrors errors;

    public PeoplePages(SchoolService schools, JurorService jurors, WebErrors errors) {
        this.schools = schools;
        this.jurors = jurors;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("schools")
    public TemplateInstance schools(@QueryParam("page") @DefaultValue("0") int page) {
        return Templates.people(schoolsPage(page, null, "", "", "", "", Errors.NONE));
    }

    @POST
    @Path("schools")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createSchool(@RestForm String name, @RestForm String district, @RestForm String contactName,
                                 @RestForm String contactEmail) {
        try {
            SchoolService.Created c = schools.create(new SchoolService.CreateSchool(name, district, contactName,
                    contactEmail));
            return once(Templates.people(schoolsPage(0, new Issued(c.school().name, c.username(), c.password()),
                    "", "", "", "", Errors.NONE)));
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.people(schoolsPage(0, null, nz(name),
                    nz(district), nz(contactName), nz(contactEmail), Forms.errors(e)))).build();
        }
    }

    @GET
    @Path("jurors")
    public TemplateInstance jurors(@QueryParam("page") @DefaultValue("0") int page) {
        return Templates.people(jurorsPage(page, null, "", "", "", Errors.NONE));
    }

    @POST
    @Path("jurors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createJuror(@RestForm String name, @RestForm String email, @RestForm String expertise) {
        try {
            JurorService.Created c = jurors.create(new JurorService.CreateJuror(name, email,
                    expertise == null || expertise.isBlank() ? null : expertise));
            return once(Templates.people(jurorsPage(0, new Issued(c.juror().name, c.username(), c.password()),
                    "", "", "", Errors.NONE)));
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.people(jurorsPage(0, null, nz(name),
                    nz(email), nz(expertise), Forms.errors(e)))).build();
        }
    }

    private PeoplePage schoolsPage(int page, Issued issued, String name, String district, String contact,
                                   String email, Errors errors) {
        var p = schools.list(Page.Request.of(Math.max(0, page), PAGE_SIZE));
        return new PeoplePage("schools", p.items().stream().map(s -> new Person(s.id, s.name, s.district,
                s.contactName + " · " + s.contactEmail)).toList(), Paging.of(p.page(), p.total(), PAGE_SIZE),
                p.total(), issued, name, district, contact, email, errors);
    }

    private PeoplePage jurorsPage(int page, Issued issued, String name, String email, String expertise, Errors errors) {
        var p = jurors.list(Page.Request.of(Math.max(0, page), PAGE_SIZE));
        return new PeoplePage("jurors", p.items().stream().map(j -> new Person(j.id, j.name,
                j.expertise == null ? "" : j.expertise, j.email)).toList(), Paging.of(p.page(), p.total(), PAGE_SIZE),
                p.total(), issued, name, email, expertise, "", errors);
    }

    private static Response once(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
