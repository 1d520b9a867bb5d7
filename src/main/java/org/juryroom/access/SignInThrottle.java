package org.juryroom.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.juryroom.ops.JuryRoomConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Slows down password guessing: sign-in attempts are counted per username + client address, in
 * PostgreSQL, so every app instance shares one count. A password is checked only after its attempt
 * was admitted, in one locked step that counts it as pending: an attempt is admitted while the
 * wrong passwords plus the attempts still being checked stay below the limit. So N attempts at
 * once get at most the limit checked, whatever the timing and on whichever instance; the others
 * wait for those to finish (correct passwords of a client sending many requests at once then all
 * pass) and are refused once the limit of wrong ones is reached. Past the limit every attempt for
 * that pair fails exactly as a wrong password does, so the answer never tells whether a user
 * exists, until the window (from the pair's first attempt) has passed. A correct password clears
 * the pair's count. There is deliberately no limit per address alone: a school behind one NAT
 * address (or every user behind a misconfigured proxy) would be locked out together by one
 * attacker. The generated passwords (16 characters) make spraying one guess over many usernames
 * hopeless anyway.
 */
@ApplicationScoped
public class SignInThrottle {

    /** An admitted attempt waits at most this long for others of its pair to finish being checked. */
    private static final long BUSY_WAIT_MILLIS = 10_000;

    enum Verdict { ADMIT, BUSY, THROTTLED }

    private final int maxFailures;
    private final long windowMillis;
    private final EntityManager em;

    public SignInThrottle(JuryRoomConfig config, EntityManager em) {
        this.maxFailures = config.signIn().maxFailures();
        this.windowMillis = config.signIn().window().toMillis();
        this.em = em;
    }

    /** The rule, pure: may one more attempt be checked now? */
    static Verdict decide(int failures, int pending, int maxFailures) {
        if (failures >= maxFailures) {
            return Verdict.THROTTLED;
        }
        return failures + pending < maxFailures ? Verdict.ADMIT : Verdict.BUSY;
    }

    /**
     * Admits this attempt (its password may be checked; then call {@link #failed} or
     * {@link #succeeded}) or says it is throttled. Waits while the pair's other attempts being
     * checked fill the limit.
     */
    public boolean admit(String username, String address) {
        String key = key(username, address);
        long deadline = System.currentTimeMillis() + BUSY_WAIT_MILLIS;
        for (long pause = 10; ; pause = Math.min(pause * 2, 200)) {
            Verdict verdict = QuarkusTransaction.requiringNew().call(() -> tryAdmit(key));
            if (verdict != Verdict.BUSY) {
                return verdict == Verdict.ADMIT;
            }
            if (System.currentTimeMillis() + pause > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Verdict tryAdmit(String key) {
        // One statement creates or locks the pair's row: a separate insert and select would let a
        // concurrent success delete the row in between.
        Object[] row = (Object[]) em.createNativeQuery("insert into sign_in_attempt (key_hash, window_start, failures,"
                        + " pending) values (:key, now(), 0, 0) on conflict (key_hash) do update set key_hash ="
                        + " excluded.key_hash returning failures, pending,"
                        + " window_start <= now() - :window * interval '1 millisecond'")
                .setParameter("key", key).setParameter("window", windowMillis).getSingleResult();
        boolean expired = (Boolean) row[2];
        int failures = expired ? 0 : ((Number) row[0]).intValue();
        int pending = expired ? 0 : ((Number) row[1]).intValue();
        Verdict verdict = decide(failures, pending, maxFailures);
        em.createNativeQuery("update sign_in_attempt set failures = :f, pending = :p,"
                        + " window_start = case when :expired then now() else window_start end where key_hash = :key")
                .setParameter("f", failures).setParameter("p", verdict == Verdict.ADMIT ? pending + 1 : pending)
                .setParameter("expired", expired).setParameter("key", key).executeUpdate();
        return verdict;
    }

    /**
     * True while the pair has reached the limit of wrong passwords in its window. A read only, for a
     * password already known to be correct (BasicCache): it changes no count, as a correct password
     * past the limit is refused exactly as before.
     */
    public boolean throttled(String username, String address) {
        return ((Number) em.createNativeQuery("select count(*) from sign_in_attempt where key_hash = :key"
                        + " and failures >= :max and window_start > now() - :window * interval '1 millisecond'")
                .setParameter("key", key(username, address)).setParameter("max", maxFailures)
                .setParameter("window", windowMillis).getSingleResult()).longValue() > 0;
    }

    /** An admitted attempt had a wrong password; pairs whose window has passed are deleted meanwhile. */
    public void failed(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update sign_in_attempt set failures = failures + 1,"
                            + " pending = greatest(pending - 1, 0) where key_hash = :key")
                    .setParameter("key", key(username, address)).executeUpdate();
            em.createNativeQuery("delete from sign_in_attempt"
                            + " where window_start <= now() - :window * interval '1 millisecond'")
                    .setParameter("window", windowMillis).executeUpdate();
        });
    }

    /** An admitted attempt had the correct password: that pair's failures are cleared. */
    public void succeeded(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            String key = key(username, address);
            em.createNativeQuery("update sign_in_attempt set failures = 0, pending = greatest(pending - 1, 0)"
                    + " where key_hash = :key").setParameter("key", key).executeUpdate();
            em.createNativeQuery("delete from sign_in_attempt where key_hash = :key and pending = 0")
                    .setParameter("key", key).executeUpdate();
        });
    }

    private static String key(String username, String address) {
        String key = (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
