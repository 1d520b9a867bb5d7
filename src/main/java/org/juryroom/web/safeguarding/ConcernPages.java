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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.safeguarding.Concern;
import org.juryroom.safeguarding.ConcernService;
import org.juryroom.web.Flash;
import org.juryroom.web.Forms;
import org.juryroom.web.WebErrors;

/**
 * Raising a concern from any entry page (juror, organiser, school): the dialog posts here; a
 * refusal comes back as the full form, a success as the thank-you page, which tells the person
 * nothing about what happens next.
 */
@Path("/concerns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ORGANISER, Roles.JUROR, Roles.SCHOOL})
public class ConcernPages {

    private static final String THANKS = "/concerns/thanks";

    /** Shown once after the redirect. */
    public record Receipt(String reference, String back) {
    }

    @CheckedTemplate(basePath = "safeguarding")
    static class Templates {
        static native TemplateInstance raise(long entryId, String code, ConcernForm form);

        static native TemplateInstance thanks(Receipt receipt);
    }

    private final ConcernService concerns;
    private final WebErrors errors;
    private final Flash flash;
    private final org.juryroom.access.CurrentUser me;

    public ConcernPages(ConcernService concerns, WebErrors errors, Flash flash, org.juryroom.access.CurrentUser me) {
        this.concerns = concerns;
        this.errors = errors;
        this.flash = flash;
        this.me = me;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("entries/{eid}")
    public TemplateInstance form(@PathParam("eid") long eid) {
        return Templates.raise(eid, concerns.raisableCode(eid), ConcernForm.blank());
    }

    @POST
    @Path("entries/{eid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(@PathParam("eid") long eid, @RestForm String kind, @RestForm String urgent,
                          @RestForm String note, @RestForm String excerpt) {
        String code = concerns.raisableCode(eid);
        boolean immediate = urgent != null && !urgent.isBlank();
        try {
            ConcernService.Raised r = concerns.raise(eid, new ConcernService.RaiseConcern(kind(kind),
                    immediate ? Concern.Urgency.IMMEDIATE_DANGER : Concern.Urgency.NORMAL, note, excerpt));
            flash.keep(THANKS, new Receipt(r.reference(), back(eid)));
            return WebErrors.redirect(THANKS);
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status()).entity(Templates.raise(eid, code,
                    new ConcernForm(kind == null ? "" : kind, immediate, note == null ? "" : note,
                            excerpt == null ? "" : excerpt, Forms.errors(e)))).build();
        }
    }

    @GET
    @Path("thanks")
    public Response thanks() {
        return flash.take(THANKS, Receipt.class)
                .map(r -> Response.ok(Templates.thanks(r)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> WebErrors.redirect("/"));
    }

    private static Concern.Kind kind(String value) {
        try {
            return value == null ? null : Concern.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // refused as missing, next to the field
        }
    }

    /** Where the person goes on from: their own view of the entry, or their desk once it is held. */
    private String back(long eid) {
        if (me.isSchool()) {
            return "/school/entries/" + eid;
        }
        return me.isOrganiser() ? "/organiser/entries/" + eid : "/jury";
    }
}
