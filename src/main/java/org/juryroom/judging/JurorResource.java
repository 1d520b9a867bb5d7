package org.juryroom.judging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.juryroom.access.AccountActivation;
import org.juryroom.access.AccountLinks;
import org.juryroom.access.Roles;
import org.juryroom.mail.Outbox;
import jakarta.ws.rs.PathParam;
import org.juryroom.common.Page;

import java.net.URI;

@Path("/api/jurors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JurorResource {

    public record JurorView(Long id, String name, String email, String expertise) {
        static JurorView of(Juror j) {
            return new JurorView(j.id, j.name, j.email, j.expertise);
        }
    }

    /** The only response that ever carries the generated password; none with an invitation ({@code invited}). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record JurorCredentials(Long id, String name, String username, String password, boolean invited) {
    }

    private final JurorService jurors;
    private final AccountLinks links;
    private final AccountActivation activation;
    private final JurorImport imports;

    public JurorResource(JurorService jurors, AccountLinks links, AccountActivation activation, JurorImport imports) {
        this.imports = imports;
        this.activation = activation;
        this.jurors = jurors;
        this.links = links;
    }

    @POST
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<JurorCredentials> create(JurorService.CreateJuror request) {
        JurorService.Created c = jurors.create(request);
        return RestResponse.ResponseBuilder.<JurorCredentials>created(URI.create("/api/jurors/" + c.juror().id))
                .entity(new JurorCredentials(c.juror().id, c.juror().name, c.username(), c.password(),
                        c.password() == null)).build();
    }

    /** Sends the juror a new invitation link; earlier ones stop working. */
    @POST
    @Path("/{jid}/invitation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<Outbox.View> invite(@PathParam("jid") long jid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfJuror(jid), AccountLinks.Purpose.INVITE));
    }

    /** Sends the juror a password reset link (1 hour). */
    @POST
    @Path("/{jid}/password-reset")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public RestResponse<Outbox.View> reset(@PathParam("jid") long jid) {
        return org.juryroom.mail.Outbox.View.created(links.resend(links.accountOfJuror(jid), AccountLinks.Purpose.RESET));
    }

    /** Jurors from a CSV ({@code name, email}, optionally {@code expertise}); {@code dryRun=true} only reports. */
    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ORGANISER)
    public org.juryroom.common.CsvImport.Result importCsv(@QueryParam("dryRun") String dryRun, String csv) {
        return imports.run(csv, org.juryroom.common.CsvImport.dryRun(dryRun));
    }

    /** The juror's account can no longer sign in and its sessions end; its scorecards and history stay. */
    @POST
    @Path("/{jid}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public AccountActivation.State deactivate(@PathParam("jid") long jid) {
        return activation.juror(jid, false);
    }

    @POST
    @Path("/{jid}/reactivate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public AccountActivation.State reactivate(@PathParam("jid") long jid) {
        return activation.juror(jid, true);
    }

    @GET
    @Path("/{jid}")
    @RolesAllowed(Roles.ORGANISER)
    public JurorView get(@PathParam("jid") long jid) {
        return JurorView.of(jurors.get(jid));
    }

    /** Corrects a juror's name, e-mail and expertise (audited). */
    @jakarta.ws.rs.PUT
    @Path("/{jid}")
    @RolesAllowed(Roles.ORGANISER)
    public JurorView update(@PathParam("jid") long jid, JurorService.UpdateJuror request) {
        return JurorView.of(jurors.update(jid, request));
    }

    @GET
    @RolesAllowed(Roles.ORGANISER)
    public Page<JurorView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jurors.list(Page.Request.of(page, size)).map(JurorView::of);
    }
}
