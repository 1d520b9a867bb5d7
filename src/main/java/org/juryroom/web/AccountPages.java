package org.juryroom.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
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
import org.juryroom.access.AccountLinks;
import org.juryroom.access.PasswordResets;
import org.juryroom.common.ProblemException;
import org.juryroom.i18n.Languages;

import java.util.Map;

/**
 * Choosing one's password from a mailed link ({@code /invite/{token}}, {@code /reset/{token}}) and
 * asking for a reset link ({@code /reset}). Open to anyone: the token in the link is the credential,
 * and the same services as the API's decide ({@link AccountLinks}, {@link PasswordResets}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    /** {@code mode}: invite or reset; {@code error}: why the password was refused, next to it and in the summary. */
    public record PasswordPage(String mode, String token, String error, boolean saved, boolean gone) {
        public Forms.Errors errors() {
            return error == null ? Forms.Errors.NONE : new Forms.Errors(Map.of("password", error), null);
        }
    }

    /** {@code error}: why the address was refused, next to it and in the summary. */
    public record ResetRequestPage(String email, String error, boolean sent) {
        public Forms.Errors errors() {
            return error == null ? Forms.Errors.NONE : new Forms.Errors(Map.of("email", error), null);
        }
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance password(PasswordPage page);

        static native TemplateInstance resetRequest(ResetRequestPage page);
    }

    private final AccountLinks links;
    private final PasswordResets resets;
    private final RoutingContext routing;
    private final WebErrors errors;

    public AccountPages(AccountLinks links, PasswordResets resets, RoutingContext routing, WebErrors errors) {
        this.links = links;
        this.resets = resets;
        this.routing = routing;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("invite/{token}")
    @PermitAll
    public Response invitation(@PathParam("token") String token) {
        return page(200, new PasswordPage("invite", token, null, false, false));
    }

    @POST
    @Path("invite/{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptInvitation(@PathParam("token") String token, @RestForm String password) {
        return choose("invite", AccountLinks.Purpose.INVITE, token, password);
    }

    @GET
    @Path("reset")
    @PermitAll
    public Response resetRequest() {
        return noStore(200, Templates.resetRequest(new ResetRequestPage("", null, false)));
    }

    /** The same page whether or not an account uses the address. */
    @POST
    @Path("reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestReset(@RestForm String email) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+")) {
            String refused = MessageBundles.get(AccountMsg.class, Localized.Literal.of(Languages.ofCurrentRequest()))
                    .acct_email_invalid();
            return noStore(422, Templates.resetRequest(new ResetRequestPage(address, refused, false)));
        }
        resets.request(address, routing);
        return noStore(200, Templates.resetRequest(new ResetRequestPage(address, null, true)));
    }

    @GET
    @Path("reset/{token}")
    @PermitAll
    public Response reset(@PathParam("token") String token) {
        return page(200, new PasswordPage("reset", token, null, false, false));
    }

    @POST
    @Path("reset/{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseAfterReset(@PathParam("token") String token, @RestForm String password) {
        return choose("reset", AccountLinks.Purpose.RESET, token, password);
    }

    private Response choose(String mode, AccountLinks.Purpose purpose, String token, String password) {
        try {
            links.choosePassword(token, purpose, password);
            return page(200, new PasswordPage(mode, token, null, true, false));
        } catch (ProblemException e) {
            if (e.status() == 410) {
                return page(410, new PasswordPage(mode, token, null, false, true));
            }
            if (e.status() == 422) {
                // In the reader's language, as every page's refusal (the first page a new school contact meets).
                return page(422, new PasswordPage(mode, token, Forms.problem(e).detail(), false, false));
            }
            throw e;
        }
    }

    private static Response page(int status, PasswordPage page) {
        return noStore(status, Templates.password(page));
    }

    /** These pages carry a token: never cached (WebFilters keeps it from being sent on as a referrer). */
    private static Response noStore(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
