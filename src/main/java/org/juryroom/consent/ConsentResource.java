package org.juryroom.consent;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.Roles;

/**
 * Confirming and withdrawing guardian consent (docs/api.md): by the guardian through their link, no
 * sign-in (the token is the credential), or a withdrawal recorded by the school or the organiser at the
 * guardian's request.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final WithdrawalService withdrawals;

    public ConsentResource(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    @GET
    @Path("/consents/{token}")
    @PermitAll
    public RestResponse<WithdrawalService.ConsentView> get(@PathParam("token") String token) {
        return unstored(withdrawals.byToken(token));
    }

    @POST
    @Path("/consents/{token}/withdraw")
    @PermitAll
    public RestResponse<WithdrawalService.ConsentView> withdraw(@PathParam("token") String token,
                                                                WithdrawalService.Withdraw request) {
        return unstored(withdrawals.withdrawByToken(token, request));
    }

    /** No body (docs/api.md), so no Content-Type to insist on: a bare {@code curl -X POST} sends none. */
    @POST
    @Path("/consents/{token}/confirm")
    @Consumes(MediaType.WILDCARD)
    @PermitAll
    public RestResponse<WithdrawalService.ConsentView> confirm(@PathParam("token") String token) {
        return unstored(withdrawals.confirmByToken(token));
    }

    @POST
    @Path("/entries/{eid}/consents/{position}/withdraw")
    @RolesAllowed({Roles.SCHOOL, Roles.ORGANISER})
    public WithdrawalService.ConsentView record(@PathParam("eid") long eid, @PathParam("position") int position,
                                                WithdrawalService.Withdraw request) {
        return withdrawals.withdrawForParticipant(eid, position, request);
    }

    /** A link's answer names a child and is read without signing in: no cache on the way may keep it. */
    private static <T> RestResponse<T> unstored(T view) {
        return RestResponse.ResponseBuilder.ok(view).header("Cache-Control", "no-store").build();
    }
}
