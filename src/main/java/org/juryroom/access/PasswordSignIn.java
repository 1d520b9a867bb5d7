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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a username and password, for the sign-in page and for HTTP Basic on the API alike.
 * Unknown users cost the same bcrypt work as known ones and fail the same way, so neither the
 * answer nor its timing tells whether an account exists; repeated failures are throttled
 * ({@link SignInThrottle}). Every refusal, page or API, throttled or not, is one line of the audit
 * trail, written here where both ways of signing in meet: the username as typed, never the
 * password. A sign-in on the page also starts the browser's session ({@link BrowserSessions}); later
 * page requests are restored from it by {@link SessionSignIn}, with the same user and role.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class);

    /**
     * A hash of nothing anyone knows, at the cost of real ones: unknown users are checked against it, so that
     * they take as long as known ones. A constant: computing one cost about a second of CPU at every start on
     * two cores, and its secret (two random UUIDs, never kept) protects nothing: an unknown user is refused
     * whatever it matches. PasswordSignInDecoyTest holds its cost to BcryptUtil's.
     */
    static final String DECOY_HASH = "$2a$10$draappJOEwZxdGyZGwihxOnLtmP0Pa88fWEGz6sVsGLVWC8GJ5qEC";

    /** The decoy hash. */
    public static String decoyHash() {
        return DECOY_HASH;
    }

    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final BrowserSessions sessions;
    private final ClientAddress clients;
    private final SignInMemory memory;
    /** HTTP Basic's recent correct passwords: a minute, at most 10,000 (docs/performance.md). */
    private final BasicCache recent = new BasicCache(java.util.concurrent.TimeUnit.SECONDS.toNanos(60), 10_000,
            System::nanoTime);

    public PasswordSignIn(SignInThrottle throttle, AuditLog audit, BrowserSessions sessions, SignInMemory memory,
                          @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                          boolean forwarding,
                          @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
                          Optional<List<String>> trustedProxies) {
        this.throttle = throttle;
        this.audit = audit;
        this.sessions = sessions;
        this.memory = memory;
        this.clients = new ClientAddress(forwarding, trustedProxies);
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
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> check(request.getUsername(),
                new String(request.getPassword().getPassword()), routing));
    }

    SecurityIdentity check(String username, String password, RoutingContext routing) {
        String address = clientAddress(routing);
        boolean page = sessions.isPageSignIn(routing);
        if (!page) {
            SecurityIdentity known = recentlyChecked(username, password, address, routing);
            if (known != null) {
                return known;
            }
        }
        if (!throttle.admit(username, address)) {
            throw refused(username, address, routing, "throttled");
        }
        AppUser user = null;
        boolean matches = false;
        long generation = memory.generation();
        try {
            user = QuarkusTransaction.joiningExisting().call(() -> AppUser.findByUsername(username).orElse(null));
            // A deactivated account, or an invited one without a password yet, costs the same check and fails
            // the same way as a wrong password.
            boolean hasPassword = user != null && Credentials.hasPassword(user);
            matches = BcryptUtil.matches(password, hasPassword ? user.passwordHash : decoyHash()) && hasPassword
                    && user.deactivatedAt == null;
        } finally {
            // Every admitted attempt is concluded, even one that failed to be checked.
            if (matches) {
                throttle.succeeded(username, address);
            } else {
                throttle.failed(username, address);
            }
        }
        if (!matches) {
            throw refused(username, address, routing, user != null && user.deactivatedAt != null
                    ? "account deactivated" : "wrong username or password");
        }
        if (page) {
            sessions.start(user, routing);
        } else {
            recent.rememberGood(user.id, user.passwordHash, password);
            memory.rememberUser(username, generation, user);
        }
        return identityOf(user);
    }

    /**
     * HTTP Basic with a password found correct within the last minute for this user and its stored
     * hash as it is now: no bcrypt. The user row is as {@link SignInMemory} remembers it (read again
     * after any change of an account), so a deactivation, a new password or a reset (a new hash) takes
     * effect at once; a throttled pair is still refused (the throttle's one read).
     * Null when the cache cannot answer (the full check follows).
     */
    private SecurityIdentity recentlyChecked(String username, String password, String address, RoutingContext routing) {
        long generation = memory.generation();
        AppUser remembered = memory.user(username);
        Object[] found = QuarkusTransaction.joiningExisting().call(() -> {
            AppUser u = remembered != null ? remembered : AppUser.findByUsername(username).orElse(null);
            if (u == null || u.deactivatedAt != null || !recent.knownGood(u.id, u.passwordHash, password)) {
                return null;
            }
            if (remembered == null) {
                memory.rememberUser(username, generation, u);
            }
            return new Object[] {u, throttle.throttled(username, address)};
        });
        if (found == null) {
            return null;
        }
        if ((Boolean) found[1]) {
            throw refused(username, address, routing, "throttled");
        }
        return identityOf((AppUser) found[0]);
    }

    static SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole(user.role)
                .addAttribute(CurrentUser.USER, user);
        if (user.safeguardingLeadId != null) {
            identity.addRole(Roles.SAFEGUARDING);
        }
        if (user.language != null) {
            identity.addAttribute(org.juryroom.i18n.Languages.ATTRIBUTE, user.language);
        }
        return identity.build();
    }

    /** Audits a refused sign-in; the refusal stands even if the audit line cannot be written. */
    private AuthenticationFailedException refused(String username, String address, RoutingContext routing,
                                                  String reason) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("username", username);
        attempt.put("method", routing == null ? null : routing.request().method().name());
        attempt.put("path", routing == null ? null : routing.request().path());
        attempt.put("remoteAddress", address);
        attempt.put("reason", reason);
        try {
            audit.recordAnonymous(AuditAction.LOGIN_FAILED, attempt);
        } catch (RuntimeException e) {
            LOG.warn("Could not record a failed sign-in in the audit trail", e);
        }
        return new AuthenticationFailedException();
    }

    /** The connection's peer, or behind a trusted proxy the address it received the request from. */
    String clientAddress(RoutingContext routing) {
        if (routing == null || routing.request().connection().remoteAddress() == null) {
            return "unknown";
        }
        return clients.of(routing.request().connection().remoteAddress().hostAddress(),
                routing.request().headers().getAll("X-Forwarded-For"));
    }
}
