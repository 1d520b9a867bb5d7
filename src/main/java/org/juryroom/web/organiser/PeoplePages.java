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
import org.juryroom.judging.JurorService;
import org.juryroom.school.SchoolService;
import org.juryroom.web.Flash;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;

import java.util.List;

/**
 * Schools and jurors: the lists, and registering new ones. A registration answers 303 to the list
 * (Post/Redirect/Get: reloading never registers twice). With "invite" ticked (the form's default)
 * an invitation is mailed and the list says so; without it, the list shows the new sign-in's
 * generated password once ({@link Flash}) and nowhere else, ever (it is stored only as a hash);
 * these pages are never cached.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class PeoplePages {

    static final int PAGE_SIZE = 50;
    private static final String SCHOOLS = "/organiser/schools";
    private static final String JURORS = "/organiser/jurors";

    /** {@code active}: whether the account may sign in (an organiser can deactivate and reactivate it). */
    public record Person(long id, String name, String detail, String contact, boolean active) {
    }

    /** Shown once, right after registering; {@code password} is null when an invitation was mailed instead. */
    public record Issued(String name, String username, String password) {
    }

    /**
     * {@code contact}: a school's safeguarding contact as typed (schools only); {@code invite}: whether the form's
     * "send an invitation" is ticked (ticked on a fresh form, as sent on a refused one).
     */
    public record PeoplePage(String kind, List<Person> people, Paging paging, long total, Issued issued,
                             String name, String second, String third, String fourth,
                             SchoolService.SafeguardingContact contact, boolean invite, Errors errors,
                             org.juryroom.web.ListQuery query) {
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
    private final Flash flash;
    private final org.juryroom.access.AccountActivation activation;

    public PeoplePages(SchoolService schools, JurorService jurors, WebErrors errors, Flash flash,
                       org.juryroom.access.AccountActivation activation) {
        this.activation = activation;
        this.schools = schools;
        this.jurors = jurors;
        this.errors = errors;
        this.flash = flash;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("schools")
    public Response schools(@QueryParam("page") @DefaultValue("0") int page,
                            @jakarta.ws.rs.BeanParam org.juryroom.web.ListQuery query) {
        return noStore(Templates.people(schoolsPage(page, issued(SCHOOLS), "", "", "", "", NO_CONTACT, true,
                Errors.NONE, query)));
    }

    @POST
    @Path("schools")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createSchool(@RestForm String name, @RestForm String district, @RestForm String contactName,
                                 @RestForm String contactEmail, @RestForm String safeguardingName,
                                 @RestForm String safeguardingPhone, @RestForm String safeguardingEmail,
                                 @RestForm String invite) {
        // The safeguarding contact is optional here (the school can add it itself); half of one is refused.
        SchoolService.SafeguardingContact contact = nz(safeguardingName).isBlank() && nz(safeguardingPhone).isBlank()
                && nz(safeguardingEmail).isBlank() ? null
                : new SchoolService.SafeguardingContact(safeguardingName, safeguardingPhone, safeguardingEmail);
        try {
            SchoolService.Created c = schools.create(new SchoolService.CreateSchool(name, district, contactName,
                    contactEmail, contact, invite != null));
            flash.keep(SCHOOLS, new Issued(c.school().name, c.username(), c.password()));
            return WebErrors.redirect(SCHOOLS);
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.people(schoolsPage(0, null, nz(name),
                    nz(district), nz(contactName), nz(contactEmail), new SchoolService.SafeguardingContact(
                            nz(safeguardingName), nz(safeguardingPhone), nz(safeguardingEmail)), invite != null,
                    Forms.errors(e),
                    new org.juryroom.web.ListQuery())))
                    .build();
        }
    }

    @GET
    @Path("jurors")
    public Response jurors(@QueryParam("page") @DefaultValue("0") int page,
                           @jakarta.ws.rs.BeanParam org.juryroom.web.ListQuery query) {
        return noStore(Templates.people(jurorsPage(page, issued(JURORS), "", "", "", true, Errors.NONE, query)));
    }

    @POST
    @Path("jurors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createJuror(@RestForm String name, @RestForm String email, @RestForm String expertise,
                                @RestForm String invite) {
        try {
            JurorService.Created c = jurors.create(new JurorService.CreateJuror(name, email,
                    expertise == null || expertise.isBlank() ? null : expertise, invite != null));
            flash.keep(JURORS, new Issued(c.juror().name, c.username(), c.password()));
            return WebErrors.redirect(JURORS);
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.people(jurorsPage(0, null, nz(name),
                    nz(email), nz(expertise), invite != null, Forms.errors(e), new org.juryroom.web.ListQuery())))
                    .build();
        }
    }

    /** The people lists sort by name or by their second column (district, expertise). */
    static final List<String> PEOPLE_SORTS = List.of("name", "detail");

    private static final SchoolService.SafeguardingContact NO_CONTACT = new SchoolService.SafeguardingContact("", "", "");

    private PeoplePage schoolsPage(int page, Issued issued, String name, String district, String contact,
                                   String email, SchoolService.SafeguardingContact safeguarding, boolean invite,
                                   Errors errors, org.juryroom.web.ListQuery query) {
        var p = schools.search(query.text(), query.sortOf(PEOPLE_SORTS, "name").equals("detail"), query.descending(),
                Page.Request.of(Math.max(0, page), PAGE_SIZE), org.juryroom.i18n.Languages.ofCurrentRequest());
        java.util.Set<Long> inactive = inactive("schoolId", p.items().stream().map(s -> s.id).toList());
        return new PeoplePage("schools", p.items().stream().map(s -> new Person(s.id, s.name, s.district,
                s.contactName + " · " + s.contactEmail, !inactive.contains(s.id))).toList(),
                Paging.of(p.page(), p.total(), PAGE_SIZE, query.keep()),
                p.total(), issued, name, district, contact, email, safeguarding, invite, errors, query);
    }

    private PeoplePage jurorsPage(int page, Issued issued, String name, String email, String expertise,
                                  boolean invite, Errors errors, org.juryroom.web.ListQuery query) {
        var p = jurors.search(query.text(), query.sortOf(PEOPLE_SORTS, "name").equals("detail"), query.descending(),
                Page.Request.of(Math.max(0, page), PAGE_SIZE), org.juryroom.i18n.Languages.ofCurrentRequest());
        java.util.Set<Long> inactive = inactive("jurorId", p.items().stream().map(j -> j.id).toList());
        return new PeoplePage("jurors", p.items().stream().map(j -> new Person(j.id, j.name,
                j.expertise == null ? "" : j.expertise, j.email, !inactive.contains(j.id))).toList(),
                Paging.of(p.page(), p.total(), PAGE_SIZE, query.keep()),
                p.total(), issued, name, email, expertise, "", NO_CONTACT, invite, errors, query);
    }

    @POST
    @Path("schools/{sid}/deactivate")
    public Response deactivateSchool(@PathParam("sid") long sid) {
        activation.school(sid, false);
        return WebErrors.redirect(SCHOOLS);
    }

    @POST
    @Path("schools/{sid}/reactivate")
    public Response reactivateSchool(@PathParam("sid") long sid) {
        activation.school(sid, true);
        return WebErrors.redirect(SCHOOLS);
    }

    @POST
    @Path("jurors/{jid}/deactivate")
    public Response deactivateJuror(@PathParam("jid") long jid) {
        activation.juror(jid, false);
        return WebErrors.redirect(JURORS);
    }

    @POST
    @Path("jurors/{jid}/reactivate")
    public Response reactivateJuror(@PathParam("jid") long jid) {
        activation.juror(jid, true);
        return WebErrors.redirect(JURORS);
    }

    /** Of these schools or jurors ({@code link}: the account's column), those whose account is deactivated; one query. */
    private static java.util.Set<Long> inactive(String link, List<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(org.juryroom.access.AppUser.getEntityManager()
                .createQuery("select u." + link + " from AppUser u where u." + link + " in :ids"
                        + " and u.deactivatedAt is not null", Long.class).setParameter("ids", ids).getResultList());
    }

    /** The sign-in registered just before, shown once on the page the registration redirected to. */
    private Issued issued(String page) {
        return flash.take(page, Issued.class).orElse(null);
    }

    private static Response noStore(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
