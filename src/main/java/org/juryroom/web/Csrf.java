package org.juryroom.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * CSRF tokens for the web pages: a signed double-submit scheme. The browser holds a random
 * nonce in an HttpOnly, SameSite=Strict cookie; every form (and every script request, as the
 * {@code X-CSRF-Token} header) carries HMAC(key, nonce + signed-in user). A forged request from
 * another site can neither read the cookie nor compute the HMAC, and a token taken before
 * signing in is worthless after. The key is derived from the session encryption key, so one
 * secret (JURYROOM_SESSION_KEY) protects both, and nothing per token is stored on the server.
 */
@ApplicationScoped
public class Csrf {

    public static final String COOKIE = "juryroom-csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public Csrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        this.key = deriveKey(sessionKey, "juryroom-csrf-v1");
    }

    /** A key for one purpose, derived from the session key; without one, random for this run. */
    static byte[] deriveKey(Optional<String> sessionKey, String purpose) {
        byte[] secret = sessionKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
        return hmac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh nonce for a browser that has none. */
    public static String newNonce() {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        return B64.encodeToString(nonce);
    }

    /** The token forms must carry for this browser nonce and this user ("" when not signed in). */
    public String token(String nonce, String principal) {
        return B64.encodeToString(hmac(key, (nonce + "\n" + principal).getBytes(StandardCharsets.UTF_8)));
    }

    public boolean valid(String nonce, String principal, String token) {
        if (nonce == null || nonce.isEmpty() || token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(token(nonce, principal).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
