package org.juryroom.web.guardian;

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
import org.juryroom.consent.WithdrawalService;

import java.util.List;

/** A school records a withdrawal a child's guardian asked it for (its own entries only). */
@Path("/school/entries/{eid}/consents/{position}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SCHOOL)
public class SchoolConsentPages {

    private final WithdrawalService withdrawals;
    private final WithdrawalForms forms;

    public SchoolConsentPages(WithdrawalService withdrawals, WithdrawalForms forms) {
        this.withdrawals = withdrawals;
        this.forms = forms;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return forms.failed(e);
    }

    @GET
    public Response page(@PathParam("eid") long eid, @PathParam("position") int position,
                         @QueryParam("withdrawn") String withdrawn) {
        return forms.show(action(eid, position), true, () -> withdrawals.ofParticipant(eid, position), () -> null,
                withdrawn != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("eid") long eid, @PathParam("position") int position,
                             @RestForm("scope") List<String> scopes, @RestForm String confirm) {
        return forms.post(action(eid, position), true, () -> withdrawals.ofParticipant(eid, position), () -> null,
                scopes, confirm, request -> withdrawals.withdrawForParticipant(eid, position, request));
    }

    private static String action(long eid, int position) {
        return "/school/entries/" + eid + "/consents/" + position;
    }
}
