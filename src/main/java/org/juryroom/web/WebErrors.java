package org.juryroom.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.juryroom.common.ProblemException;

/**
 * Error pages for people, where the API answers problem documents: the same statuses, shown
 * as a page with a way back. Page resources map their exceptions here (see {@link PageErrors}).
 */
@ApplicationScoped
public class WebErrors {

    /** What kind of failure, so the page can explain it in the reader's language. */
    public enum Kind { EXPIRED, NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, UNAVAILABLE, ERROR }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(Kind kind, int status, String detail);
    }

    public Response expiredForm() {
        return page(Kind.EXPIRED, 403, null);
    }

    public Response problem(ProblemException e) {
        int status = e.status();
        Kind kind = switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 403 -> Kind.FORBIDDEN;
            case 409 -> Kind.CONFLICT;
            case 400, 413, 415, 416, 422 -> Kind.INVALID;
            case 503 -> Kind.UNAVAILABLE;
            default -> Kind.ERROR;
        };
        // A 404 shows no detail: the page says the same whether the thing is missing or hidden.
        return page(kind, status, kind == Kind.NOT_FOUND ? null : e.getMessage());
    }

    public Response page(Kind kind, int status, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.error(kind, status, detail).render()).build();
    }
}
