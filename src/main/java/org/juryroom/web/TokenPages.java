package org.juryroom.web;

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
import org.juryroom.access.ApiTokens;
import org.juryroom.access.CurrentUser;
import org.juryroom.access.Roles;
import org.juryroom.common.Dates;
import org.juryroom.common.ProblemException;
import org.juryroom.web.Forms.Errors;

import java.time.Instant;
import java.time.DateTimeException;
import java.util.List;

/** The signed-in user's account page: their personal API tokens (list, create, revoke), as the API's /api/me/tokens. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ORGANISER, Roles.JUROR, Roles.SCHOOL, Roles.SAFEGUARDING})
public class TokenPages {

    /** {@code secret}: a token just created, shown this once; else null. */
    public record AccountPage(String username, List<ApiTokens.TokenView> tokens, String secret, String name,
                              String expires, Errors errors) {
    }

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance tokens(AccountPage page);
    }

    private final ApiTokens tokens;
    private final CurrentUser me;
    private final WebErrors errors;

    public TokenPages(ApiTokens tokens, CurrentUser me, WebErrors errors) {
        this.tokens = tokens;
        this.me = me;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    public Response page() {
        return show(200, null, "", "", Errors.NONE);
    }

    /** The new token is shown on this response only (no redirect: it is never stored anywhere it could be shown again). */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String expires) {
        try {
            ApiTokens.Created created = tokens.create(me.user(), new ApiTokens.NewToken(name, endOfDay(expires)));
            return show(201, created.token(), "", "", Errors.NONE);
        } catch (RuntimeException e) {
            return show(Forms.problem(e).status(), null, name == null ? "" : name, expires == null ? "" : expires,
                    Forms.errors(e));
        }
    }

    @POST
    @Path("tokens/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(me.user(), id);
        return WebErrors.redirect("/account?revoked");
    }

    private Response show(int status, String secret, String name, String expires, Errors errors) {
        return Response.status(status).entity(Templates.tokens(new AccountPage(me.username(), tokens.list(me.user()),
                        secret, name, expires, errors))).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

    /** A date typed in the form: the token works until the end of that day (the app's time zone). */
    private static Instant endOfDay(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return Dates.day(date).plusDays(1).atStartOfDay(Formats.zone()).toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.unprocessable("expiresAt", "must be a date (YYYY-MM-DD)");
        }
    }
}
