package org.juryroom.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.common.TextRules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens: {@code Authorization: Bearer <token>} instead of a password on every call,
 * so API clients do not pay a bcrypt check per request. A token is 256 random bits, shown once at
 * creation; only its SHA-256 is stored (a fast hash suffices for a random secret of that size). It
 * acts with its owner's role, and only while the owner still has that role, the account is active,
 * the token is not revoked and not expired: all checked in one lookup, whose answer is remembered
 * ({@link SignInMemory}) until an account or a token may have changed, so a request signed in by a
 * known token reads nothing before its own work; a revocation or a deactivation takes effect on the
 * next request on this instance, and on the others once its notification arrives. Expiry is checked on
 * every request. The last use is written at most once a minute.
 */
@ApplicationScoped
public class ApiTokens {

    /** Prefix of every token, so a leaked one is recognisable (secret scanners). */
    static final String PREFIX = "jrt_";
    /** Marks an identity established by a token (token management needs a password or a session). */
    public static final String TOKEN_ID = "juryroom.api-token-id";
    static final int MAX_NAME = 100;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record NewToken(String name, Instant expiresAt) {
    }

    public record TokenView(long id, String name, String role, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt, boolean active) {
        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(t.id, t.name, t.role, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt,
                    t.revokedAt == null && (t.expiresAt == null || t.expiresAt.isAfter(now)));
        }
    }

    /** The token as created: {@code token} is the secret, shown this once. */
    public record Created(TokenView view, String token) {
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final SignInMemory memory;

    public ApiTokens(EntityManager em, AuditLog audit, SignInMemory memory) {
        this.em = em;
        this.audit = audit;
        this.memory = memory;
    }

    @Transactional
    public Created create(AppUser owner, NewToken request) {
        String name = request == null || request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ProblemException.unprocessable("name", "must be 1 to " + MAX_NAME + " characters");
        }
        String refusal = TextRules.refusal(name);
        if (refusal != null) {
            throw ProblemException.unprocessable("name", refusal);
        }
        Instant now = Instant.now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.unprocessable("expiresAt", "must be in the future");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken t = new ApiToken();
        t.userId = owner.id;
        t.name = name;
        t.tokenHash = hash(secret);
        t.role = owner.role;
        t.createdAt = now;
        t.expiresAt = request.expiresAt();
        t.persist();
        audit.record(AuditAction.API_TOKEN_CREATED, null, AuditLog.Subject.of("apiToken", t.id), null, facts(owner, t));
        return new Created(TokenView.of(t, now), secret);
    }

    /** The owner's tokens, newest first, revoked and expired ones included. */
    @Transactional
    public List<TokenView> list(AppUser owner) {
        Instant now = Instant.now();
        return ApiToken.<ApiToken>list("userId = ?1 order by id desc", owner.id).stream()
                .map(t -> TokenView.of(t, now)).toList();
    }

    /** Revokes one of the owner's tokens (404 for anyone else's); again, nothing changes. */
    @Transactional
    public TokenView revoke(AppUser owner, long tokenId) {
        // Locked: revocations racing each other record one revocation.
        ApiToken t = ApiToken.findById(tokenId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (t == null || !t.userId.equals(owner.id)) {
            throw ProblemException.notFound("API token " + tokenId);
        }
        if (t.revokedAt == null) {
            t.revokedAt = Instant.now();
            audit.record(AuditAction.API_TOKEN_REVOKED, null, AuditLog.Subject.of("apiToken", t.id), null,
                    facts(owner, t));
        }
        return TokenView.of(t, Instant.now());
    }

    /** Refuses token management to a caller signed in by a token: a token must not mint or outlive itself. */
    public static void requireNotToken(SecurityIdentity identity) {
        if (identity.getAttribute(TOKEN_ID) != null) {
            throw new io.quarkus.security.ForbiddenException("API tokens are managed with a password or on the account page");
        }
    }

    /**
     * The account a presented token acts for, if it is live: from memory while nothing changed, else one
     * query; plus a write of its last use at most once a minute. Runs in the caller's transaction, or in
     * one of its own only when it reads or writes.
     */
    public Optional<Signed> verify(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = Instant.now();
        SignInMemory.Token known = memory.token(hash, now);
        if (known != null) {
            Instant last = known.lastUsed().get();
            if (due(last, now) && known.lastUsed().compareAndSet(last, now)) {
                QuarkusTransaction.joiningExisting().run(() -> touch(known.id(), now));
            }
            return Optional.of(signed(known));
        }
        long generation = memory.generation();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Object[]> rows = em.createQuery("select t, u from ApiToken t, AppUser u where t.tokenHash = :h"
                            + " and u.id = t.userId and t.revokedAt is null and u.deactivatedAt is null"
                            + " and u.role = t.role and (t.expiresAt is null or t.expiresAt > :now)", Object[].class)
                    .setParameter("h", hash).setParameter("now", now).getResultList();
            if (rows.isEmpty()) {
                return Optional.<Signed>empty();
            }
            ApiToken t = (ApiToken) rows.get(0)[0];
            AppUser owner = (AppUser) rows.get(0)[1];
            Instant lastUsed = t.lastUsedAt;
            if (due(lastUsed, now)) {
                touch(t.id, now);
                lastUsed = now;
            }
            memory.rememberToken(hash, generation, t, owner, lastUsed);
            return Optional.of(new Signed(t.id, owner));
        });
    }

    /**
     * {@link #verify}'s answer when memory alone gives it: a remembered live token whose last use needs no
     * write. No database and no blocking, so the event loop may ask; empty means "ask {@link #verify}",
     * not "refused".
     */
    public Optional<Signed> remembered(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        SignInMemory.Token known = memory.token(hash(secret), now);
        return known == null || due(known.lastUsed().get(), now) ? Optional.empty() : Optional.of(signed(known));
    }

    private static Signed signed(SignInMemory.Token known) {
        return new Signed(known.id(), SignInMemory.copy(known.owner()));
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() <= 100;
    }

    private static boolean due(Instant lastUsed, Instant now) {
        return lastUsed == null || lastUsed.isBefore(now.minus(TOUCH_EVERY));
    }

    /** One column, not the entity: writing back the whole row would undo a revocation committed meanwhile. */
    private void touch(long tokenId, Instant now) {
        // Native, so its text is known: AccountWrites leaves exactly this statement out.
        em.createNativeQuery("update api_token set last_used_at = :now where id = :id").setParameter("now", now)
                .setParameter("id", tokenId).executeUpdate();
    }

    public record Signed(long tokenId, AppUser user) {
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> facts(AppUser owner, ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", owner.username);
        m.put("name", t.name);
        m.put("role", t.role);
        m.put("expiresAt", t.expiresAt);
        return m;
    }
}
