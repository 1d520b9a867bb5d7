package org.juryroom.i18n;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Decides each request's language once ({@link Languages#resolve}; a link's {@code ?lang=}, as the
 * public pages' switch and the exports use it, wins for that request) and states it as the request's
 * {@code Accept-Language}: every reader downstream (Qute's message bundles, Bean Validation's
 * messages, problem details) then speaks the same language without knowing where it came from.
 */
public class LanguageFilter {

    private final SecurityIdentity identity;

    public LanguageFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Ahead of every other filter, so that even a refusal they answer is in the right language; and before a
     * resource is matched, so that a refusal that comes before any (no such address, a method or a body type the
     * resource does not take) is too.
     */
    @ServerRequestFilter(preMatching = true, priority = 100)
    public void decide(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String saved = identity.isAnonymous() ? null : identity.getAttribute(Languages.ATTRIBUTE);
        String language = Languages.of(routing.request(), saved);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language);
        routing.request().headers().set(HttpHeaders.ACCEPT_LANGUAGE, language);
        request.setProperty(Languages.ATTRIBUTE, language);
    }
}
