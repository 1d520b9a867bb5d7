package org.juryroom.web.guardian;

import jakarta.annotation.security.PermitAll;
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
import org.juryroom.common.ProblemException;
import org.juryroom.consent.WithdrawalService;

import java.util.List;

/**
 * The guardian's links, no sign-in, the link is the credential: {@code /consent/{token}}, the withdrawal
 * link (the school holds it too), shows and withdraws; {@code /consent/{secret}}, the confirmation link
 * mailed only to the guardian, also confirms, once, then leads to the withdrawal link's page.
 */
@Path("/consent/{token}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class GuardianPages {

    private final WithdrawalService withdrawals;
    private final WithdrawalForms forms;

    public GuardianPages(WithdrawalService withdrawals, WithdrawalForms forms) {
        this.withdrawals = withdrawals;
        this.forms = forms;
    }

    /**
     * A guardian's link that opens nothing was used (a confirmation link works once), replaced by a newer mail,
     * or expired, or was mistyped: the page says so in words a parent can act on, not as a bare "not found".
     */
    @ServerExceptionMapper
    public Response failed(Exception e) {
        if (e instanceof ProblemException p && p.status() == 404) {
            return forms.deadLink();
        }
        return forms.failed(e);
    }

    @GET
    public Response page(@PathParam("token") String token, @QueryParam("withdrawn") String withdrawn,
                         @QueryParam("confirmed") String confirmed) {
        return forms.show("/consent/" + token, false, () -> withdrawals.byToken(token), notice(token),
                withdrawn != null, confirmed != null, withdrawals.confirmsWith(token));
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("token") String token) {
        return forms.confirm("/consent/" + token, () -> withdrawals.byToken(token), notice(token), () -> {
            String withdrawalPage = "/consent/" + withdrawals.withdrawalToken(token);
            withdrawals.confirmByToken(token);
            return withdrawalPage;
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("token") String token, @RestForm("scope") List<String> scopes,
                             @RestForm String confirm) {
        return forms.post("/consent/" + token, false, () -> withdrawals.byToken(token), notice(token), scopes,
                confirm, request -> withdrawals.withdrawByToken(token, request));
    }

    /** The notice the consent was given on, in the reader's language (each version is kept in every language). */
    private java.util.function.Supplier<String> notice(String token) {
        return () -> withdrawals.noticeText(token, org.juryroom.i18n.Languages.ofCurrentRequest());
    }
}
