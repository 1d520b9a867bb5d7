package org.juryroom.access;

import io.quarkus.runtime.util.HashUtil;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's list of signed-in browsers, which makes signing out final. Quarkus' form
 * authentication keeps the session only in its encrypted cookie, which stays valid until its idle
 * expiry wherever a copy of it is. So a sign-in on the page also starts a {@link BrowserSession}: a
 * random id in a cookie of its own ({@value #COOKIE}), listed in the database by its hash. A page
 * request is signed in only while its id is listed for the user its form cookie names
 * ({@link SessionSignIn}); signing out deletes the row. HTTP Basic on the API never has a session.
 *
 * <p>A row lives as long as the form cookie could: the form timeout after its last use, plus the
 * cookie's renewal interval, because the row's last use is written at most once per interval (so a
 * page request costs one lookup by primary key, and one update a minute).
 */
@ApplicationScoped
public class BrowserSessions {

    public static final String COOKIE = "juryroom-sid";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration idle;
    private final Duration touchEvery;
    private final String formCookie;
    private final String formCookiePath;
    private final String signInPath;

    public BrowserSessions(@ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
                           @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration renewEvery,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String formCookie,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-path", defaultValue = "/")
                           String formCookiePath,
                           @ConfigProperty(name = "quarkus.http.auth.form.post-location",
                                   defaultValue = "/j_security_check") String signInPath) {
        this.idle = timeout.plus(renewEvery);
        this.touchEvery = renewEvery;
        this.formCookie = formCookie;
        this.formCookiePath = formCookiePath;
        this.signInPath = signInPath;
    }

    /** True for the sign-in form's post (form authentication), false for HTTP Basic and everything else. */
    public boolean isPageSignIn(RoutingContext routing) {
        return routing != null && routing.request().method() == HttpMethod.POST
                && routing.normalizedPath().equals(signInPath);
    }

    /** Lists a new session for a user who has just signed in on the page, and gives the browser its id. */
    @Transactional
    public void start(AppUser user, RoutingContext routing) {
        BrowserSession.prune(Instant.now().minus(idle));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        BrowserSession session = new BrowserSession();
        session.idHash = hash(id);
        session.user = BrowserSession.getEntityManager().getReference(AppUser.class, user.id);
        session.createdAt = Instant.now();
        session.lastSeenAt = session.createdAt;
        session.persist();
        routing.response().addCookie(Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
    }

    /** The user, if this browser's session id is listed, not idle, and belongs to {@code username}. */
    @Transactional
    public Optional<AppUser> resume(String username, RoutingContext routing) {
        Cookie cookie = routing == null ? null : routing.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return BrowserSession.live(hash(cookie.getValue()), username, now.minus(idle)).map(session -> {
            if (session.lastSeenAt.isBefore(now.minus(touchEvery))) {
                session.lastSeenAt = now;
            }
            return session.user;
        });
    }

    /** Signs this browser out: its session is deleted, and it is told to drop both cookies. */
    @Transactional
    public void end(String username, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie != null) {
            BrowserSession.end(hash(cookie.getValue()), username);
        }
        forget(routing);
    }

    /** Tells the browser to drop the form cookie and the session id (e.g. when its session has ended). */
    public void forget(RoutingContext routing) {
        routing.response().addCookie(Cookie.cookie(formCookie, "").setPath(formCookiePath).setMaxAge(0));
        routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
    }

    static String hash(String id) {
        return HashUtil.sha256(id);
    }
}
