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
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.settings.CommissionSettings;
import org.juryroom.web.Forms;
import org.juryroom.web.WebErrors;

import java.util.Map;

/**
 * The commission's settings (the {@code set} bundle): its name and logo on the public gallery. Each form
 * is one call to {@link CommissionSettings}, the service of {@code /api/settings/commission}; a refusal
 * comes back to the page with the message next to its field and what was typed kept.
 */
@Path("/organiser/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class SettingsPages {

    /** {@code name}: what the name field shows (as typed after a refusal); {@code done}: what was just saved. */
    public record SettingsPage(CommissionSettings.Settings settings, String name, Forms.Errors errors, String done,
                               int maxName, long maxLogoKb) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance settings(SettingsPage page);
    }

    private final CommissionSettings commission;
    private final WebErrors errors;

    public SettingsPages(CommissionSettings commission, WebErrors errors) {
        this.commission = commission;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public Response form(@jakarta.ws.rs.QueryParam("saved") String saved) {
        CommissionSettings.Settings s = commission.settings();
        return page(200, s, s.name() == null ? "" : s.name(), Forms.Errors.NONE,
                saved == null ? null : saved.isEmpty() ? "name" : saved);
    }

    @POST
    @Path("name")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response name(@RestForm String name) {
        try {
            commission.setName(name);
            return WebErrors.redirect("/organiser/settings?saved=name");
        } catch (RuntimeException e) {
            return refused(e, "name", name == null ? "" : name);
        }
    }

    @POST
    @Path("logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response logo(@RestForm("logo") FileUpload logo) {
        try {
            commission.setLogo(logo == null ? null : logo.uploadedFile(), logo == null ? null : logo.fileName());
            return WebErrors.redirect("/organiser/settings?saved=logo");
        } catch (RuntimeException e) {
            return refused(e, "logo", null);
        }
    }

    @POST
    @Path("logo/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeLogo() {
        commission.removeLogo();
        return WebErrors.redirect("/organiser/settings?saved=logo-removed");
    }

    /** The page again with the refusal next to {@code field}; {@code typed}: the name as typed (null: as stored). */
    private Response refused(RuntimeException e, String field, String typed) {
        org.juryroom.common.Problem p = Forms.problem(e);
        if (p.status() == 403 || p.status() == 404) {
            throw e;
        }
        CommissionSettings.Settings s = commission.settings();
        return page(p.status(), s, typed != null ? typed : s.name() == null ? "" : s.name(),
                new Forms.Errors(Map.of(field, p.detail()), null), null);
    }

    private static Response page(int status, CommissionSettings.Settings s, String name, Forms.Errors errors,
                                 String done) {
        return Response.status(status).entity(Templates.settings(new SettingsPage(s, name, errors, done,
                CommissionSettings.MAX_NAME, CommissionSettings.MAX_LOGO_BYTES >> 10)))
                .header("Cache-Control", "no-store").build();
    }
}
