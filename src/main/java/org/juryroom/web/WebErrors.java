package org.juryroom.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.juryroom.common.DatabaseOutage;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.i18n.Languages;

import java.net.URI;

/**
 * Error pages for people, where the API answers problem documents: the same statuses, shown
 * as a page with a way back. Every page resource maps its failures here with its own
 * {@code @ServerExceptionMapper} (a mapper on a resource class applies to that class only, so
 * the API keeps its JSON problems; a mapper inherited from a base class would not be local).
 */
@ApplicationScoped
public class WebErrors {

    private static final Logger LOG = Logger.getLogger(WebErrors.class);

    private final DatabaseOutage outage;

    public WebErrors(DatabaseOutage outage) {
        this.outage = outage;
    }

    /** What kind of failure, so the page can explain it in the reader's language. */
    public enum Kind { EXPIRED, NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, UNAVAILABLE, ERROR }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(Kind kind, int status, String detail);
    }

    /** The page for any failure of a page resource. */
    public Response page(Throwable e) {
        if (e instanceof ProblemException p) {
            return problem(p);
        }
        if (DatabaseOutage.is(e)) {
            return problem(DatabaseOutage.problem(e));
        }
        if (org.juryroom.common.ConcurrentWrites.isConflict(e)) {
            // Someone changed the same thing at the same moment: the page says so, as the API's 409 does.
            return page(Kind.CONFLICT, 409, org.juryroom.common.ConcurrentWrites.problem().onPage().detail());
        }
        if (org.juryroom.common.TooLongTexts.is(e)) {
            LOG.warnf("A text longer than its column passed the form's checks: %s",
                    org.juryroom.common.FailureTypes.of(e)); // not the message: it quotes the row
            return page(org.juryroom.common.TooLongTexts.problem().onPage());
        }
        if (org.juryroom.common.OutOfRangeDates.is(e)) {
            LOG.warnf("A moment the database cannot hold passed the form's checks: %s",
                    org.juryroom.common.FailureTypes.of(e));
            return page(org.juryroom.common.OutOfRangeDates.problem().onPage());
        }
        if (e instanceof ConstraintViolationException v) {
            return page(Kind.INVALID, 422, org.juryroom.web.Forms.problem(v).detail());
        }
        if (e instanceof ForbiddenException) {
            return page(Kind.FORBIDDEN, 403, null);
        }
        if (e instanceof UnauthorizedException) {
            return Response.seeOther(URI.create("/login")).build();
        }
        if (e instanceof NotFoundException) {
            return page(Kind.NOT_FOUND, 404, null);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return page(Kind.INVALID, w.getResponse().getStatus(), null);
        }
        ProblemException unreadable = org.juryroom.common.UnreadableBodies.of(e);
        if (unreadable != null) {
            return problem(unreadable);
        }
        LOG.error("Unexpected failure on a page", e);
        return page(Kind.ERROR, 500, null);
    }

    /** 303 See Other: after a form post, the browser loads the result page with GET. */
    public static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    public Response expiredForm() {
        return page(Kind.EXPIRED, 403, null);
    }

    public Response problem(ProblemException e) {
        outage.noticed(e); // as the API's mapper does
        return page(e.toProblem().onPage());
    }

    /** The page for a refusal the API would have answered with {@code p}, already as the page's reader reads it. */
    public Response page(Problem p) {
        return respond(p.status(), render(p, Languages.ofCurrentRequest()));
    }

    public Response page(Kind kind, int status, String detail) {
        return respond(status, html(kind, status, detail, Languages.ofCurrentRequest()));
    }

    /** The error page's HTML for {@code said}, a problem already in {@code language}. */
    static String render(Problem said, String language) {
        int status = said.status();
        Kind kind = switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 403 -> Kind.FORBIDDEN;
            case 409 -> Kind.CONFLICT;
            case 503 -> Kind.UNAVAILABLE;
            // Any other refusal (400, 405, 413, 415, 422, ...) asks the reader to check what they sent.
            default -> status < 500 ? Kind.INVALID : Kind.ERROR;
        };
        // A 404 shows no detail: the page says the same whether the thing is missing or hidden.
        return html(kind, status, kind == Kind.NOT_FOUND ? null : said.detail(), language);
    }

    private static String html(Kind kind, int status, String detail, String language) {
        return Templates.error(kind, status, detail).setLocale(Languages.localeOf(language)).render();
    }

    private static Response respond(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Retry-After", status == 503 ? org.juryroom.common.ProblemMappers.RETRY_AFTER_SECONDS : null)
                .entity(html).build();
    }
}
