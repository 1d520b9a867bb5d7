package org.juryroom.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.ops.JuryRoomConfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: failed sign-ins are counted in a sliding window per username +
 * client address. Past the limit every attempt for that pair fails exactly as a wrong password
 * does, so the answer never tells whether a user exists. There is deliberately no limit per
 * address alone: a school behind one NAT address (or every user behind a misconfigured proxy)
 * would be locked out together by one attacker. The generated passwords (16 characters) make
 * spraying one guess over many usernames hopeless anyway. Kept in memory: per app instance.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Beyond this many tracked keys, expired ones are swept before a new key is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(JuryRoomConfig config) {
        this.maxFailures = config.signIn().maxFailures();
        this.windowMillis = config.signIn().window().toMillis();
    }

    /** True when this username has failed from this address too often lately. */
    public boolean blocked(String username, String address) {
        return count(key(username, address), System.currentTimeMillis()) >= maxFailures;
    }

    public void failed(String username, String address) {
        long now = System.currentTimeMillis();
        if (failures.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        record(key(username, address), now);
    }

    /** A correct password (accepted while not blocked) clears that pair's failures. */
    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private int count(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }

    private void sweep(long now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
