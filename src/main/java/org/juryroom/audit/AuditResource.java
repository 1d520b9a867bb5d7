package org.juryroom.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.juryroom.access.Roles;
import org.juryroom.common.Dates;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    /** The audit trail, newest first; filter by action, actor, subject and time (ISO-8601, from inclusive). */
    @GET
    @Path("/competitions/{cid}/audit")
    @RolesAllowed(Roles.ORGANISER)
    public Page<AuditService.AuditEventView> events(@PathParam("cid") long cid, @QueryParam("action") String action,
                                                    @QueryParam("actor") String actor,
                                                    @QueryParam("subjectType") String subjectType,
                                                    @QueryParam("subjectId") Long subjectId,
                                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return audit.events(cid, new AuditService.Filter(action, actor, subjectType, subjectId, instant("from", from),
                instant("to", to)), Page.Request.of(page, size));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant moment;
        try {
            moment = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO-8601 instant, e.g. 2026-11-22T10:00:00Z");
        }
        if (!Dates.inRange(moment)) {
            // Java reads years up to a billion; the database none past 294276 (its refusal would be a 500).
            throw ProblemException.badRequest(name + " must be a moment in the years 1 to 9999, e.g. 2026-11-22T10:00:00Z");
        }
        return moment;
    }
}
