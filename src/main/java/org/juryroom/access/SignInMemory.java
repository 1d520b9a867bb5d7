package org.juryroom.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.common.ChangeSignals;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the API's sign-ins read from the database, remembered so that a request signed in by a token
 * (or by a password Basic already checked) reads no account row and the save is the request's one
 * transaction. Kept only while no account or token may have changed since it was read
 * ({@link Remembered}, generation {@link ChangeSignals#accountGeneration()}): a change this instance
 * commits moves it after its commit, before its response ({@link AccountWrites}), so a revocation, a
 * new password, a deactivation or a change of role refuses the very next request here; a change on
 * another instance (or in the database directly) moves it when its notification arrives (V37), and
 * while the listener is not healthy nothing is remembered: every request reads the database.
 * Expiry is checked on every use. Each request gets its own copy of the account.
 */
@ApplicationScoped
public class SignInMemory {

    /** A live token as last read: its id, expiry, owner, and last use (written at most once a minute). */
    record Token(long id, Instant expiresAt, AppUser owner, AtomicReference<Instant> lastUsed) {
        boolean expired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Remembered<String, Token> tokens;
    private final Remembered<String, AppUser> users;

    public SignInMemory(ChangeSignals signals) {
        tokens = new Remembered<>(signals::accountGeneration, signals::healthy, MAX_ENTRIES);
        users = new Remembered<>(signals::accountGeneration, signals::healthy, MAX_ENTRIES);
    }

    /** Read before reading an account or a token from the database, and pass to the remember methods. */
    long generation() {
        return tokens.generation();
    }

    /** The live token with this hash, if remembered and not expired; else null. */
    Token token(String hash, Instant now) {
        Token t = tokens.get(hash);
        if (t != null && t.expired(now)) {
            tokens.forget(hash);
            return null;
        }
        return t;
    }

    void rememberToken(String hash, long generation, ApiToken t, AppUser owner, Instant lastUsed) {
        tokens.put(hash, generation, new Token(t.id, t.expiresAt, copy(owner), new AtomicReference<>(lastUsed)));
    }

    /** The account with this username, if remembered; else null. */
    AppUser user(String username) {
        AppUser u = users.get(username);
        return u == null ? null : copy(u);
    }

    void rememberUser(String username, long generation, AppUser user) {
        users.put(username, generation, copy(user));
    }

    /** A detached copy: a remembered account is shared by requests and never handed out itself. */
    static AppUser copy(AppUser u) {
        AppUser c = new AppUser();
        c.id = u.id;
        c.username = u.username;
        c.passwordHash = u.passwordHash;
        c.role = u.role;
        c.schoolId = u.schoolId;
        c.jurorId = u.jurorId;
        c.safeguardingLeadId = u.safeguardingLeadId;
        c.createdAt = u.createdAt;
        c.deactivatedAt = u.deactivatedAt;
        c.language = u.language;
        return c;
    }
}
