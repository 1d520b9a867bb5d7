package org.juryroom.web.organiser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.AccountLinks;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.mail.Outbox;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox as organisers read it (the same list as {@code GET /api/outbox}): queued, sent and
 * failed mails with the SMTP server's last error, each readable (secret links masked), with "try
 * again"; and the people pages' actions that send a school or a juror a new link.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class OutboxPages {

    static final int PAGE_SIZE = 50;

    public record OutboxPage(List<Outbox.View> messages, long total, Paging paging, String status, String to,
                             List<String> statuses) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance outbox(OutboxPage page);
    }

    private final Outbox outbox;
    private final AccountLinks links;
    private final WebErrors errors;

    public OutboxPages(Outbox outbox, AccountLinks links, WebErrors errors) {
        this.outbox = outbox;
        this.links = links;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("outbox")
    public Response list(@QueryParam("status") @DefaultValue("") String status,
                         @QueryParam("to") @DefaultValue("") String to,
                         @QueryParam("page") @DefaultValue("0") int page) {
        Page<Outbox.View> p = outbox.list(status, to, Page.Request.of(Math.max(0, page), PAGE_SIZE));
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("status", status);
        keep.put("to", to);
        return Response.ok(Templates.outbox(new OutboxPage(p.items(), p.total(), Paging.of(p.page(), p.total(),
                PAGE_SIZE, keep), status, to, List.of("QUEUED", "SENT", "FAILED"))))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("outbox/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return toMessagesOf(outbox.retry(id));
    }

    @POST
    @Path("schools/{sid}/invitation")
    public Response inviteSchool(@PathParam("sid") long sid) {
        return toMessagesOf(links.resend(links.accountOfSchool(sid), AccountLinks.Purpose.INVITE));
    }

    @POST
    @Path("schools/{sid}/password-reset")
    public Response resetSchool(@PathParam("sid") long sid) {
        return toMessagesOf(links.resend(links.accountOfSchool(sid), AccountLinks.Purpose.RESET));
    }

    @POST
    @Path("jurors/{jid}/invitation")
    public Response inviteJuror(@PathParam("jid") long jid) {
        return toMessagesOf(links.resend(links.accountOfJuror(jid), AccountLinks.Purpose.INVITE));
    }

    @POST
    @Path("jurors/{jid}/password-reset")
    public Response resetJuror(@PathParam("jid") long jid) {
        return toMessagesOf(links.resend(links.accountOfJuror(jid), AccountLinks.Purpose.RESET));
    }

    /** After an action, the recipient's messages, newest (the one just queued) first. */
    static Response toMessagesOf(Outbox.View message) {
        return WebErrors.redirect("/organiser/outbox?to=" + URLEncoder.encode(message.to(), StandardCharsets.UTF_8));
    }
}
