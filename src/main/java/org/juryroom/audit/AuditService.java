package org.juryroom.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the audit trail: a competition's events and the events that concern every competition. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    /** Filters; every one is optional. */
    public record Filter(String action, String actor, String subjectType, Long subjectId, Instant from, Instant to) {
    }

    public record AuditEventView(long id, Instant at, String actor, String actorRole, String action,
                                 Long competitionId, String subjectType, Long subjectId, JsonNode before,
                                 JsonNode after) {
    }

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final ObjectMapper json;

    public AuditService(CompetitionService competitions, AccessPolicy access, ObjectMapper json) {
        this.competitions = competitions;
        this.access = access;
        this.json = json;
    }

    /**
     * Newest first. Events without a competition (conflicts, accounts, failed sign-ins) concern
     * every competition and are included.
     */
    public Page<AuditEventView> events(long competitionId, Filter filter, Page.Request paging) {
        access.requireOrganiser("Reading the audit trail");
        competitions.get(competitionId);
        StringBuilder where = new StringBuilder("(competitionId = :cid or competitionId is null)");
        Map<String, Object> params = new HashMap<>();
        params.put("cid", competitionId);
        if (filter.action() != null && !filter.action().isBlank()) {
            try {
                params.put("action", AuditAction.valueOf(filter.action().strip()).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown action " + filter.action() + "; one of "
                        + List.of(AuditAction.values()));
            }
            where.append(" and action = :action");
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            params.put("actor", filter.actor().strip());
            where.append(" and actor = :actor");
        }
        if (filter.subjectType() != null && !filter.subjectType().isBlank()) {
            params.put("subjectType", filter.subjectType().strip());
            where.append(" and subjectType = :subjectType");
        }
        if (filter.subjectId() != null) {
            params.put("subjectId", filter.subjectId());
            where.append(" and subjectId = :subjectId");
        }
        if (filter.from() != null) {
            params.put("from", filter.from());
            where.append(" and at >= :from");
        }
        if (filter.to() != null) {
            params.put("to", filter.to());
            where.append(" and at < :to");
        }
        var query = AuditEvent.<AuditEvent>find(where + " order by id desc", params);
        List<AuditEventView> items = new ArrayList<>();
        for (AuditEvent e : query.page(paging.page(), paging.size()).list()) {
            items.add(new AuditEventView(e.id, e.at, e.actor, e.actorRole, e.action, e.competitionId, e.subjectType,
                    e.subjectId, tree(e.before), tree(e.after)));
        }
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    private JsonNode tree(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
