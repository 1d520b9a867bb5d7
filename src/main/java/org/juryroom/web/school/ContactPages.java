package org.juryroom.web.school;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.CurrentUser;
import org.juryroom.access.Roles;
import org.juryroom.school.School;
import org.juryroom.school.SchoolService;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

/** The school's own designated safeguarding contact, kept up to date by the school. */
@Path("/school/safeguarding-contact")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SCHOOL)
public class ContactPages {

    public record ContactForm(String name, String phone, String email, Errors errors) {
    }

    @CheckedTemplate(basePath = "school")
    static class Templates {
        static native TemplateInstance contact(ContactForm form);
    }

    private final SchoolService schools;
    private final CurrentUser me;
    private final WebErrors errors;

    public ContactPages(SchoolService schools, CurrentUser me, WebErrors errors) {
        this.schools = schools;
        this.me = me;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public TemplateInstance form() {
        School s = schools.get(me.schoolId());
        return Templates.contact(new ContactForm(nz(s.safeguardingName), nz(s.safeguardingPhone),
                nz(s.safeguardingEmail), Errors.NONE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String name, @RestForm String phone, @RestForm String email) {
        try {
            schools.updateSafeguardingContact(me.schoolId(), new SchoolService.SafeguardingContact(name, phone, email));
            return WebErrors.redirect("/school/safeguarding-contact?saved");
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.contact(new ContactForm(nz(name), nz(phone), nz(email), Forms.errors(e)))).build();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
