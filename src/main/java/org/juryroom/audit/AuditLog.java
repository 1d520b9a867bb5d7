package org.juryroom.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.CurrentUser;

/**
 * The audit trail's only writer. Called by the services in the transaction that makes the change,
 * so a change and its audit line commit or roll back together. Nothing in the application updates
 * or deletes an audit line.
 */
@ApplicationScoped
public class AuditLog {

    /** What a line is about: e.g. ("entry", 42), ("scorecard", 7). */
    public record Subject(String type, Long id) {
        public static Subject of(String type, Long id) {
            return new Subject(type, id);
        }
    }

    private static final String ANONYMOUS = "anonymous";
    private static final String SAFEGUARDING = "safeguarding";
    private static final String[] SYSTEM = {"system", "system"};

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Appends one line. {@code before} and {@code after} are any JSON-serialisable values (records,
     * maps), or null when there was nothing before (a creation) or nothing after (a removal).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditAction action, Long competitionId, Subject subject, Object before, Object after) {
        append(actor(), action, competitionId, subject, before, after);
    }

    /**
     * Appends one line for a caller who is not signed in, without asking who is: a refused
     * sign-in is recorded while the identity is still being established.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordAnonymous(AuditAction action, Object after) {
        append(new String[] {ANONYMOUS, ANONYMOUS}, action, null, null, null, after);
    }

    /**
     * Appends one line whose actor is "safeguarding": a hold must not tell the organisers who
     * raised the concern (a juror, the school), only that the entry is held.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordForSafeguarding(AuditAction action, Long competitionId, Subject subject, Object before,
                                      Object after) {
        append(new String[] {SAFEGUARDING, SAFEGUARDING}, action, competitionId, subject, before, after);
    }

    private void append(String[] actor, AuditAction action, Long competitionId, Subject subject, Object before,
                        Object after) {
        AuditEvent e = new AuditEvent();
        e.actor = actor[0];
        e.actorRole = actor[1];
        e.action = action.name();
        e.competitionId = competitionId;
        e.subjectType = subject == null ? null : subject.type();
        e.subjectId = subject == null ? null : subject.id();
        e.before = toJson(before);
        e.after = toJson(after);
        e.persist();
    }

    /**
     * Outside an HTTP request (start-up tasks, the demo seed, the scheduled jobs) the actor is the system itself.
     * The scheduler and the start steps activate a request context of their own, in which the identity is
     * anonymous: no one asked, so that is the system too. Anonymous in an HTTP request stays "anonymous".
     */
    private static String[] actor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        CurrentUser me = Arc.container().instance(CurrentUser.class).get();
        if (me.anonymous() && Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() == null) {
            return SYSTEM;
        }
        return new String[] {me.username(), me.roleName()};
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit value is not serialisable: " + value.getClass(), e);
        }
    }
}
