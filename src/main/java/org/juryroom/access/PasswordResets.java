package org.juryroom.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;

/**
 * Reset requests, rate-limited with the sign-in throttle's counts (shared by every instance): per
 * address + client, and per address from anywhere, so nobody can flood someone's mailbox. A
 * request over the limit is answered like any other and sends nothing.
 * <p>
 * The request path does the same work whether or not an account uses the address: it counts the
 * request and stores the address ({@code reset_request}). Looking the address up and queueing the
 * mail happen later, in {@link #handle()}, so neither the answer nor its time tells who has an account.
 * Each address's mail commits on its own just before its request's removal: delivery is at least once.
 */
@ApplicationScoped
public class PasswordResets {

    public static final String ANSWER = "If an account uses this address, a link to choose a new password is on its"
            + " way to it. The link works once, for one hour.";

    /** Stands for "any client" in the per-address count. */
    private static final String ANY_CLIENT = "*";
    private static final int BATCH = 100;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PasswordResets.class);

    private final SignInThrottle throttle;
    private final AccountLinks links;
    private final PasswordSignIn signIn;
    private final EntityManager em;

    public PasswordResets(SignInThrottle throttle, AccountLinks links, PasswordSignIn signIn, EntityManager em) {
        this.throttle = throttle;
        this.links = links;
        this.signIn = signIn;
        this.em = em;
    }

    public void request(String email, RoutingContext routing) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        String key = "password-reset:" + address;
        // Every request counts as a failure: the count only grows until its window has passed.
        if (!count(key, signIn.clientAddress(routing)) || !count(key, ANY_CLIENT)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into reset_request (email, language) values (:email, :language)").setParameter("email", address)
                .setParameter("language", org.juryroom.i18n.Languages.ofCurrentRequest()).executeUpdate());
    }

    @Scheduled(identity = "reset-requests", every = "${juryroom.mail.resets-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        handle();
    }

    /**
     * Turns the stored requests into reset mails (none for an address no account uses), a batch at a
     * time: each request is taken once, also with several instances, and its mail commits with its removal.
     * Returns how many requests were handled.
     */
    public int handle() {
        int handled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> requests = em.createNativeQuery("delete from reset_request where id in (select id from"
                        + " reset_request order by id limit " + BATCH + " for update skip locked) returning email, language")
                        .getResultList();
                // One mail per address (as before), in the language it was asked in.
                java.util.Map<String, String> byEmail = new java.util.LinkedHashMap<>();
                requests.forEach(r -> byEmail.put((String) r[0], (String) r[1]));
                byEmail.forEach(this::mail);
                return requests.size();
            });
            handled += batch;
        } while (batch == BATCH);
        return handled;
    }

    /**
     * One address's mails, committed on their own before the batch's removal: a request that cannot be handled
     * is dropped (the person may ask again) instead of rolling back the batch, which would bring the same requests
     * back every few seconds and hold up every reset behind them. Only the error's type is logged: its message
     * may quote the address.
     */
    private void mail(String email, String language) {
        try {
            QuarkusTransaction.requiringNew().run(() -> links.requestReset(email, language));
        } catch (RuntimeException failed) {
            LOG.errorf("Password reset: a request could not be handled and is dropped (%s)",
                    org.juryroom.common.FailureTypes.of(failed));
        }
    }

    private boolean count(String key, String client) {
        if (!throttle.admit(key, client)) {
            return false;
        }
        throttle.failed(key, client);
        return true;
    }
}
