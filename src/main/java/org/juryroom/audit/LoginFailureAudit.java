package org.juryroom.audit;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records failed sign-ins: credentials that were offered and refused (a request without
 * credentials is not a failed sign-in, just an anonymous one). Quarkus fires the event on the I/O
 * thread; observing it asynchronously keeps the database write off that thread.
 */
@ApplicationScoped
public class LoginFailureAudit {

    private static final Logger LOG = Logger.getLogger(LoginFailureAudit.class);

    private final AuditLog audit;

    public LoginFailureAudit(AuditLog audit) {
        this.audit = audit;
    }

    // A request context of its own: the audit line then names the caller as the anonymous user it was.
    @jakarta.enterprise.context.control.ActivateRequestContext
    void onFailure(@ObservesAsync AuthenticationFailureEvent event) {
        RoutingContext context = event.getEventProperties().values().stream()
                .filter(RoutingContext.class::isInstance).map(RoutingContext.class::cast).findFirst().orElse(null);
        String authorization = context == null ? null : context.request().getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return;
        }
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("username", basicUsername(authorization));
        attempt.put("method", context.request().method().name());
        attempt.put("path", context.request().path());
        attempt.put("remoteAddress", context.request().remoteAddress() == null ? null
                : context.request().remoteAddress().hostAddress());
        attempt.put("reason", event.getAuthenticationFailure() == null ? null
                : event.getAuthenticationFailure().getClass().getSimpleName());
        try {
            audit.record(AuditAction.LOGIN_FAILED, null, null, null, attempt);
        } catch (RuntimeException e) {
            LOG.warn("Could not record a failed sign-in in the audit trail", e);
        }
    }

    /** The user name of an HTTP Basic header; never the password. */
    static String basicUsername(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
