package org.juryroom.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Post/Redirect/Get for a result that must be shown exactly once, such as a new sign-in's
 * generated password: the form post keeps it here and answers 303, and the page the browser then
 * loads takes it, once; reloading that page re-sends nothing and shows nothing more.
 *
 * <p>The value stays with the user who made it, in their own browser: sealed with AES-GCM (Quarkus'
 * {@link PersistentLoginManager}, the same sealing as the session cookie, under a key of its own
 * derived from the session key) in an HttpOnly, SameSite=Strict cookie without Max-Age that is
 * deleted when shown and unreadable after {@link #TTL}. So it is never in a URL, a log or the
 * database, and any instance can show it.
 */
@ApplicationScoped
public class Flash {

    static final String COOKIE = "juryroom-flash";
    static final Duration TTL = Duration.ofMinutes(2);

    /** The value, for whom and for which page. */
    private record Sealed(String owner, String page, JsonNode value) {
    }

    private final PersistentLoginManager sealer;
    private final ObjectMapper json;
    private final RoutingContext routing;
    private final SecurityIdentity identity;

    public Flash(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
                 ObjectMapper json, RoutingContext routing, SecurityIdentity identity) {
        String key = Base64.getEncoder().encodeToString(Csrf.deriveKey(sessionKey, "juryroom-flash-v1"));
        this.sealer = new PersistentLoginManager(key, COOKIE, TTL.toMillis(), TTL.toMillis(), true, "STRICT", "/",
                -1, null);
        this.json = json;
        this.routing = routing;
        this.identity = identity;
    }

    /** Keeps {@code value} for this user's next view of {@code page}. */
    public void keep(String page, Object value) {
        try {
            String sealed = json.writeValueAsString(new Sealed(owner(), page, json.valueToTree(value)));
            sealer.save(sealed, routing, COOKIE, null, routing.request().isSSL());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was kept for this user's view of {@code page}, if anything still is; after this, nothing is. */
    public <T> Optional<T> take(String page, Class<T> type) {
        if (routing.request().getCookie(COOKIE) == null) {
            return Optional.empty();
        }
        PersistentLoginManager.RestoreResult restored = sealer.restore(routing, COOKIE);
        try {
            Sealed sealed = restored == null ? null : json.readValue(restored.getPrincipal(), Sealed.class);
            if (sealed != null && !sealed.page().equals(page)) {
                return Optional.empty();
            }
            sealer.clear(routing);
            return sealed == null || !sealed.owner().equals(owner()) ? Optional.empty()
                    : Optional.of(json.treeToValue(sealed.value(), type));
        } catch (JsonProcessingException e) {
            sealer.clear(routing);
            return Optional.empty();
        }
    }

    private String owner() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
