package org.juryroom.web;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.common.ProblemException;

import java.net.URI;

/**
 * The base of every page resource: its failures become HTML pages, not the API's JSON problems.
 * Mappers declared on a resource class take precedence over the global ones in ProblemMappers
 * for that resource only, so the API keeps its contract.
 */
public abstract class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    @Inject
    protected WebErrors errors;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return errors.problem(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return errors.page(WebErrors.Kind.FORBIDDEN, 403, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.seeOther(URI.create("/login")).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return errors.page(WebErrors.Kind.NOT_FOUND, 404, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure on a page", e);
        return errors.page(WebErrors.Kind.ERROR, 500, null);
    }

    /** 303 See Other: after a form post, the browser loads the result page with GET. */
    protected static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
