package org.juryroom.web.organiser;

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
import org.juryroom.access.Roles;
import org.juryroom.safeguarding.SafeguardingLeadService;
import org.juryroom.web.Flash;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.WebErrors;

import java.util.List;

/** Appointing safeguarding leads: their sign-in is shown once, like a juror's. */
@Path("/organiser/safeguarding-leads")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class LeadPages {

    private static final String LEADS = "/organiser/safeguarding-leads";
    private static final String KIND = "safeguarding-leads";

    /** {@code invite}: the form's "send an invitation", ticked on a fresh form and as sent on a refused one. */
    public record LeadsPage(List<SafeguardingLeadService.LeadView> leads, PeoplePages.Issued issued, String name,
                            String email, String phone, boolean invite, Errors errors) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance leads(LeadsPage page);
    }

    private final SafeguardingLeadService leads;
    private final WebErrors errors;
    private final Flash flash;
    private final org.juryroom.access.AccountLinks links;

    public LeadPages(SafeguardingLeadService leads, WebErrors errors, Flash flash,
                     org.juryroom.access.AccountLinks links) {
        this.links = links;
        this.leads = leads;
        this.errors = errors;
        this.flash = flash;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public Response list() {
        return Response.ok(Templates.leads(new LeadsPage(leads.list(),
                        flash.take(LEADS, PeoplePages.Issued.class).orElse(null), "", "", "", true, Errors.NONE)))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String email, @RestForm String phone,
                           @RestForm String invite) {
        try {
            SafeguardingLeadService.Created c = leads.create(new SafeguardingLeadService.CreateLead(name, email, phone,
                    null, invite != null));
            flash.keep(LEADS, new PeoplePages.Issued(c.lead().name, c.username(), c.password()));
            return WebErrors.redirect(LEADS);
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.leads(new LeadsPage(leads.list(), null,
                    nz(name), nz(email), nz(phone), invite != null, Forms.errors(e)))).build();
        }
    }

    /** A new invitation link for a lead's own account (earlier ones stop working), as for schools and jurors. */
    @POST
    @Path("{lid}/invitation")
    public Response invite(@jakarta.ws.rs.PathParam("lid") long lid) {
        return OutboxPages.toMessagesOf(links.resend(links.accountOfLead(lid),
                org.juryroom.access.AccountLinks.Purpose.INVITE));
    }

    @POST
    @Path("{lid}/password-reset")
    public Response reset(@jakarta.ws.rs.PathParam("lid") long lid) {
        return OutboxPages.toMessagesOf(links.resend(links.accountOfLead(lid),
                org.juryroom.access.AccountLinks.Purpose.RESET));
    }

    /** Correcting a lead's name, e-mail or phone: the people pages' form; a refusal keeps what was typed. */
    @GET
    @Path("{lid}/edit")
    public Response edit(@jakarta.ws.rs.PathParam("lid") long lid) {
        SafeguardingLeadService.LeadView l = leads.get(lid);
        return PersonPages.noStore(PersonPages.Templates.person(new PersonPages.PersonForm(KIND, lid, l.name(),
                l.name(), l.email(), l.phone(), "", Errors.NONE)));
    }

    @POST
    @Path("{lid}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@jakarta.ws.rs.PathParam("lid") long lid, @RestForm String name, @RestForm String email,
                         @RestForm String phone) {
        try {
            leads.update(lid, new SafeguardingLeadService.UpdateLead(name, email, phone));
            return WebErrors.redirect(LEADS + "/" + lid + "/edit?saved");
        } catch (RuntimeException e) {
            return PersonPages.refused(e, new PersonPages.PersonForm(KIND, lid, leads.get(lid).name(), nz(name),
                    nz(email), nz(phone), "", Forms.errors(e)));
        }
    }

    /** As a school's or a juror's; the last active lead is refused (the error page says why). */
    @POST
    @Path("{lid}/deactivate")
    public Response deactivate(@jakarta.ws.rs.PathParam("lid") long lid) {
        leads.deactivate(lid);
        return WebErrors.redirect(LEADS);
    }

    @POST
    @Path("{lid}/reactivate")
    public Response reactivate(@jakarta.ws.rs.PathParam("lid") long lid) {
        leads.reactivate(lid);
        return WebErrors.redirect(LEADS);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
