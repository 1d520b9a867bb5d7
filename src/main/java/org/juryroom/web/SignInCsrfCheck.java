package org.juryroom.web;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CSRF check of the sign-in form, whose token travels in the POST body ({@code _csrf}) like
 * every other form's, never in the URL (where logs, history and referrers would keep it). Quarkus'
 * form authentication reads the body itself, before any resource or {@link CsrfCheck}; the body's
 * fields are readable only once it has, when the password is to be checked. So this runs as the
 * first identity provider for passwords: on the sign-in post a missing or wrong token goes back to
 * the sign-in page ("expired") before any password check; otherwise it steps aside (no identity)
 * and the password provider answers, as it does for HTTP Basic on the API.
 */
@ApplicationScoped
@Unremovable
public class SignInCsrfCheck implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Csrf csrf;

    public SignInCsrfCheck(Csrf csrf) {
        this.csrf = csrf;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Ahead of the password provider (2000). */
    @Override
    public int priority() {
        return 3000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().method() != HttpMethod.POST
                || !WebFilters.SIGN_IN_POST.equals(routing.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = routing.request().getCookie(Csrf.COOKIE);
        String token = routing.request().formAttributes().get(Csrf.FIELD);
        if (csrf.valid(cookie == null ? null : cookie.getValue(), "", token)) {
            return Uni.createFrom().nullItem();
        }
        // An expired or forged sign-in form: back to the page, which issues a fresh token.
        return Uni.createFrom().failure(new AuthenticationRedirectException(303, "/login?expired"));
    }
}
