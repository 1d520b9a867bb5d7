package org.juryroom.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemMappers;

/**
 * A refusal at a page's address is a page, whoever answered it: the page classes map their own failures
 * (WebErrors), but some come before any page method runs and reach the API's mappers instead, which answer
 * a problem document. That is an address no page has, a form sent in a type the page does not read, a method
 * the page does not take, or a form field the text rules refuse. A person would read raw JSON; here it becomes
 * the same error page, in their language, with the same status. A problem a page's script asked for (sent as
 * {@code application/json}) stays as it is, and so does everything under /api and /q.
 */
public class PageProblems {

    private final WebErrors errors;

    public PageProblems(WebErrors errors) {
        this.errors = errors;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && response.getMediaType() != null
                && ProblemMappers.PROBLEM_JSON.isCompatible(response.getMediaType())
                && isPage(request.getUriInfo().getPath())) {
            // The API's mapper put it in the reader's language as the API says it; a page says it in its own words.
            Response page = errors.page(problem.onPage());
            response.setEntity(page.getEntity(), null, page.getMediaType());
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }

    static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/"));
    }
}
