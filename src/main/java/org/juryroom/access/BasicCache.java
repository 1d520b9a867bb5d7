package org.juryroom.access;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers for a short time that a password was correct, so HTTP Basic need not run bcrypt on
 * every API request. An entry is keyed by the user id, the stored password hash as it is now and a
 * keyed hash (HMAC, with a key that lives only in this process) of the presented password: a
 * changed or reset password changes the stored hash, so the old one misses at once; deactivation
 * is checked on the user row by the caller on every request. Only a correct password is ever put
 * in. Pure: the clock is given.
 */
public final class BasicCache {

    private final ConcurrentHashMap<String, Long> good = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;
    private final byte[] key = new byte[32];

    public BasicCache(long ttlNanos, int maxEntries, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** True if this password was found correct for this user and stored hash within the time to live. */
    public boolean knownGood(long userId, String storedHash, String password) {
        String k = key(userId, storedHash, password);
        Long until = good.get(k);
        if (until == null) {
            return false;
        }
        if (until - clock.getAsLong() > 0) {
            return true;
        }
        good.remove(k, until);
        return false;
    }

    /** Call only after the password was checked against {@code storedHash} and matched. */
    public void rememberGood(long userId, String storedHash, String password) {
        long now = clock.getAsLong();
        if (good.size() >= maxEntries) {
            good.values().removeIf(until -> until - now <= 0);
            if (good.size() >= maxEntries) {
                good.clear();
            }
        }
        good.put(key(userId, storedHash, password), now + ttlNanos);
    }

    public int size() {
        return good.size();
    }

    private String key(long userId, String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return userId + ":" + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
