package org.juryroom.safeguarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.CurrentUser;

import java.time.Instant;
import java.util.List;

/**
 * The safeguarding record's own audit trail: who raised, read, acted on or exported what. Kept
 * apart from the main audit log (which organisers read) and readable only by safeguarding leads.
 */
@ApplicationScoped
public class SafeguardingAudit {

    public record Line(long id, Instant at, String actor, String actorRole, String action, Long concernId,
                       Long entryId, String detail) {
    }

    private final CurrentUser me;
    private final ObjectMapper json;

    public SafeguardingAudit(CurrentUser me, ObjectMapper json) {
        this.me = me;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void append(String action, Concern concern, Object detail) {
        SafeguardingAuditEvent e = new SafeguardingAuditEvent();
        e.actor = me.username();
        e.actorRole = me.roleName();
        e.action = action;
        e.concernId = concern == null ? null : concern.id;
        e.entryId = concern == null ? null : concern.entryId;
        try {
            e.detail = detail == null ? null : json.writeValueAsString(detail);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Safeguarding audit detail is not serialisable", ex);
        }
        e.persist();
    }

    /** The trail, newest first; of one concern when {@code concernId} is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Line> lines(Long concernId, int limit) {
        List<SafeguardingAuditEvent> events = concernId == null
                ? SafeguardingAuditEvent.<SafeguardingAuditEvent>find("order by id desc").page(0, limit).list()
                : SafeguardingAuditEvent.<SafeguardingAuditEvent>find("concernId = ?1 order by id desc", concernId)
                        .page(0, limit).list();
        return events.stream().map(e -> new Line(e.id, e.at, e.actor, e.actorRole, e.action, e.concernId, e.entryId,
                e.detail)).toList();
    }
}
