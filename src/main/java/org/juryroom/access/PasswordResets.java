package org.juryroom.access;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Reset requests, rate-limited with the sign-in throttle's counts (shared by every instance): per
 * address + client, and per address from anywhere, so nobody can flood someone's mailbox. A
 * request over the limit is answered like any other and sends nothing.
 */
@ApplicationScoped
public class PasswordResets {

    public static final String ANSWER = "If an account uses this address, a link to choose a new password is on its"
            + " way to it. The link works once, for one hour.";

    /** Stands for "any client" in the per-address count. */
    private static final String ANY_CLIENT = "*";

    private final SignInThrottle throttle;
    private final AccountLinks links;
    private final PasswordSignIn signIn;

    public PasswordResets(SignInThrottle throttle, AccountLinks links, PasswordSignIn signIn) {
        this.throttle = throttle;
        this.links = links;
        this.signIn = signIn;
    }

    public void request(String email, RoutingContext routing) {
        String key = "password-reset:" + email.strip().toLowerCase(Locale.ROOT);
        // Every request counts as a failure: the count only grows until its window has passed.
        if (!count(key, signIn.clientAddress(routing)) || !count(key, ANY_CLIENT)) {
            return;
        }
        links.requestReset(email);
    }

    private boolean count(String key, String client) {
        if (!throttle.admit(key, client)) {
            return false;
        }
        throttle.failed(key, client);
        return true;
    }
}
