package org.juryroom.web.jury;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.juryroom.judging.ConflictService;
import org.juryroom.judging.ConflictService.OwnConflict;
import org.juryroom.web.AllPages;
import org.juryroom.web.Forms;
import org.juryroom.web.Forms.Errors;
import org.juryroom.web.SchoolPicker;
import org.juryroom.web.WebErrors;

import java.util.List;

import static org.juryroom.web.WebErrors.redirect;

/**
 * A juror declares a conflict of interest with a school. The picker is the one place a juror
 * sees school names: names and districts only, nothing about which entries a school sent. The
 * answer does not say whether any entry left the queue either, as that would tell.
 */
@Path("/jury")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.JUROR)
public class DeclarationPages {

    public record Declarations(List<OwnConflict> mine, SchoolPicker picker, String reason, Errors errors) {
    }

    @CheckedTemplate(basePath = "jury")
    static class Templates {
        static native TemplateInstance conflicts(Declarations page);
    }

    private final ConflictService conflicts;
    private final WebErrors errors;

    public DeclarationPages(ConflictService conflicts, WebErrors errors) {
        this.conflicts = conflicts;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("conflicts")
    public TemplateInstance page(@QueryParam("district") String district) {
        return Templates.conflicts(declarations(district, null, "", Errors.NONE));
    }

    @POST
    @Path("conflicts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(@RestForm Long schoolId, @RestForm String reason) {
        try {
            boolean created = conflicts.declareOwn(new ConflictService.DeclareConflict(schoolId, reason)).created();
            return redirect("/jury/conflicts?" + (created ? "declared" : "existed"));
        } catch (RuntimeException e) {
            return Response.status(Forms.problem(e).status())
                    .entity(Templates.conflicts(declarations(null, schoolId, reason == null ? "" : reason,
                            Forms.errors(e))))
                    .build();
        }
    }

    private Declarations declarations(String district, Long school, String reason, Errors errors) {
        return new Declarations(AllPages.of(conflicts::mine), SchoolPicker.of(conflicts, district, school), reason,
                errors);
    }
}
