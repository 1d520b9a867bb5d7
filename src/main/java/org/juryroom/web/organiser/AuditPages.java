package org.juryroom.web.organiser;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.juryroom.access.Roles;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditService;
import org.juryroom.audit.AuditService.AuditEventView;
import org.juryroom.common.Page;
import org.juryroom.common.Dates;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionView;
import org.juryroom.web.Formats;
import org.juryroom.web.Paging;
import org.juryroom.web.WebErrors;

import java.time.Instant;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A competition's audit trail, newest first, filtered by what happened, who did it, what it
 * concerned and when. The events and the filtering are {@link AuditService}'s, as on the API.
 */
@Path("/organiser")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ORGANISER)
public class AuditPages {

    static final int PAGE_SIZE = 50;

    /** What events are about ({@code AuditLog.Subject} types), for the filter. */
    static final List<String> SUBJECT_TYPES = List.of("competition", "entry", "scorecard", "conflict", "shortlist",
            "juror", "school");

    /** The filter as the form sends it: dates are days in the competition's time zone, both inclusive. */
    public static class Filter {
        @QueryParam("action")
        public String action;
        @QueryParam("actor")
        public String actor;
        @QueryParam("subjectType")
        public String subjectType;
        @QueryParam("subjectId")
        public Long subjectId;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;

        AuditService.Filter toService() {
            return new AuditService.Filter(action, actor, subjectType, subjectId, day("from", from, 0),
                    day("to", to, 1));
        }

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("action", action);
            q.put("actor", actor);
            q.put("subjectType", subjectType);
            q.put("subjectId", subjectId == null ? null : subjectId.toString());
            q.put("from", from);
            q.put("to", to);
            return q;
        }

        public String value(String name) {
            String v = query().get(name);
            return v == null ? "" : v;
        }

        public boolean any() {
            return query().values().stream().anyMatch(v -> v != null && !v.isBlank());
        }

        private static Instant day(String name, String value, int plusDays) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Dates.day(value).plusDays(plusDays).atStartOfDay(Formats.zone()).toInstant();
            } catch (DateTimeException e) {
                throw ProblemException.badRequest(name + " must be a date like 2026-11-22");
            }
        }
    }

    /** One value of an event's before or after; {@code at}: the value when it is an instant, shown as a time. */
    public record Field(String name, String value, java.time.Instant at) {

        /** {@code key}: the name the value was recorded under, or "" for a value that is not an object's. */
        static Field of(String key, JsonNode v, AuditWords w) {
            java.time.Instant at = null;
            if (v.isTextual() && INSTANT.matcher(v.asText()).matches()) {
                try {
                    at = java.time.Instant.parse(v.asText());
                } catch (java.time.format.DateTimeParseException notAnInstant) {
                    // shown as written
                }
            }
            String text = AuditChanges.value(key, v, w);
            return new Field(key.isEmpty() ? "" : w.label(key), text.length() > 400 ? text.substring(0, 400) + "…" : text,
                    at);
        }
    }

    private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

    /**
     * {@code actor} and {@code role}: who did it, in words; {@code changes}: what changed in words (see
     * {@link AuditChanges}); before and after as recorded, field by field.
     */
    public record AuditRow(AuditEventView event, String actor, String role, List<String> changes, List<Field> before,
                           List<Field> after) {
    }

    public record AuditPage(CompetitionView competition, List<AuditRow> events, long total, Paging paging,
                            Filter filter, List<String> actions, List<String> subjectTypes) {
    }

    @CheckedTemplate(basePath = "organiser")
    static class Templates {
        static native TemplateInstance audit(AuditPage page);
    }

    private final CompetitionService competitions;
    private final AuditService audit;
    private final WebErrors errors;

    public AuditPages(CompetitionService competitions, AuditService audit, WebErrors errors) {
        this.competitions = competitions;
        this.audit = audit;
        this.errors = errors;
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return errors.page(e);
    }

    @GET
    @Path("competitions/{cid}/audit")
    public TemplateInstance events(@PathParam("cid") long cid, @BeanParam Filter filter,
                                   @QueryParam("page") @DefaultValue("0") int page) {
        CompetitionView c = CompetitionView.of(competitions.get(cid));
        Page<AuditEventView> p = audit.events(cid, filter.toService(), Page.Request.of(Math.max(0, page), PAGE_SIZE));
        AuditWords w = AuditWords.ofCurrentRequest();
        List<AuditRow> rows = p.items().stream().map(e -> new AuditRow(e, w.actor(e.actor()), w.role(e.actorRole()),
                AuditChanges.describe(e.action(), e.before(), e.after(), w), fields(e.before(), w),
                fields(e.after(), w))).toList();
        return Templates.audit(new AuditPage(c, rows, p.total(), Paging.of(p.page(), p.total(), PAGE_SIZE,
                filter.query()), filter, Arrays.stream(AuditAction.values()).map(Enum::name).toList(), SUBJECT_TYPES));
    }

    /** An object's fields one by one, by their names in words; anything else as one value. */
    static List<Field> fields(JsonNode node, AuditWords w) {
        List<Field> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            out.add(Field.of("", node, w));
            return out;
        }
        node.fields().forEachRemaining(f -> out.add(Field.of(f.getKey(), f.getValue(), w)));
        return out;
    }
}
