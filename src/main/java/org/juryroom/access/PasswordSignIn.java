package org.juryroom.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Checks a username and password, for the sign-in page and for HTTP Basic on the API alike.
 * Unknown users cost the same bcrypt work as known ones and fail the same way, so neither the
 * answer nor its timing tells whether an account exists; repeated failures are throttled
 * ({@link SignInThrottle}). Sessions restored from the sign-in cookie go through Quarkus'
 * trusted-identity provider for {@link AppUser}, which loads the same user and role.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** A hash of nothing anyone knows, at the cost of real ones: unknown users are checked against it. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    private final SignInThrottle throttle;

    public PasswordSignIn(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Ahead of the generated JPA provider (priority 1001), which is then never asked for passwords. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> check(request.getUsername(),
                new String(request.getPassword().getPassword()), clientAddress(request)));
    }

    SecurityIdentity check(String username, String password, String address) {
        if (throttle.blocked(username, address)) {
            throw new AuthenticationFailedException();
        }
        AppUser user = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(username).orElse(null));
        boolean matches = BcryptUtil.matches(password, user == null ? DECOY_HASH : user.passwordHash);
        if (user == null || !matches) {
            throttle.failed(username, address);
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(username, address);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole(user.role)
                .build();
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return "unknown";
        }
        return routing.request().remoteAddress().hostAddress();
    }
}
