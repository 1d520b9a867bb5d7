package org.juryroom.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.util.Set;

/**
 * Refuses every state-changing web request (anything but GET/HEAD/OPTIONS outside {@code /api})
 * that does not carry the CSRF token for this browser and this user: as the {@code _csrf} form
 * field (plain forms, also multipart) or the {@code X-CSRF-Token} header (script requests).
 * Applies to every page resource, present and future, so no form can forget it.
 */
public class CsrfCheck {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

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
        if (SAFE.contains(request.getMethod()) || routing.normalizedPath().startsWith("/api/")) {
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
