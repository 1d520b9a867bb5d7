package org.juryroom.access;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Restores a page session. Quarkus' form authentication decrypts its cookie and asks for the
 * identity of the user it names (a trusted request); this provider answers only while the browser
 * also holds a live session id for that user ({@link BrowserSessions}), loading user and role in
 * the same lookup. Otherwise the session has ended (signed out, idle, or never listed): the browser
 * is told to drop its cookies and is sent to the sign-in page, as with an expired session. (A
 * redirect rather than a plain failed authentication, which the API's exception mapper would turn
 * into a 401.)
 */
@ApplicationScoped
@Unremovable
public class SessionSignIn implements IdentityProvider<TrustedAuthenticationRequest> {

    private final BrowserSessions sessions;
    private final String signInPage;

    public SessionSignIn(BrowserSessions sessions,
                         @ConfigProperty(name = "quarkus.http.auth.form.login-page") String signInPage) {
        this.sessions = sessions;
        this.signInPage = signInPage;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Ahead of the generated JPA provider, which is then never asked. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> sessions.resume(request.getPrincipal(), routing)
                .map(PasswordSignIn::identityOf)
                .orElseThrow(() -> {
                    if (routing != null) {
                        sessions.forget(routing);
                    }
                    return new AuthenticationRedirectException(302, signInPage);
                }));
    }
}
