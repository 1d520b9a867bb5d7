package org.juryroom.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.juryroom.common.ProblemException;

import java.util.Set;

/**
 * Refuses every state-changing web request (anything but GET/HEAD/OPTIONS outside {@code /api})
 * that does not carry the CSRF token for this browser and this user: as the {@code _csrf} form
 * field (plain forms, also multipart) or the {@code X-CSRF-Token} header (script requests).
 * Applies to every page resource, present and future, so no form can forget it.
 * <p>
 * The API takes no token: it ignores the page session and is called by scripts. But a browser that once
 * answered the API's Basic challenge sends those credentials with any request, a form another site posts
 * included, and SameSite does not cover them. So a state-changing API request that the browser itself marks
 * as coming from another site ({@code Sec-Fetch-Site}, sent by every current browser, never by a script
 * unless it chooses to) is refused.
 */
public class CsrfCheck {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    private final Csrf csrf;
    private final SecurityIdentity identity;
    private final WebErrors errors;

    public CsrfCheck(Csrf csrf, SecurityIdentity identity, WebErrors errors) {
        this.csrf = csrf;
        this.identity = identity;
        this.errors = errors;
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        if (routing.normalizedPath().startsWith("/api/")) {
            String site = request.getHeaderString("Sec-Fetch-Site");
            if (site != null && OTHER_SITES.contains(site.strip().toLowerCase(java.util.Locale.ROOT))) {
                throw new ProblemException(403, "Forbidden",
                        "A browser request from another site may not change anything through the API");
            }
            return null;
        }
        String token = request.getHeaderString(Csrf.HEADER);
        if (token == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(Csrf.FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        String principal = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        if (csrf.valid(routing.get(WebFilters.NONCE), principal, token)) {
            return null;
        }
        return errors.expiredForm();
    }
}
