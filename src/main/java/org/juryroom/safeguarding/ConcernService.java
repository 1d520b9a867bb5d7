package org.juryroom.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.access.CurrentUser;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.NfcText;
import org.juryroom.common.ProblemException;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.FileVariant;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Concerns about a child's safety (docs/safeguarding.md). Raising one is never blocked and holds
 * the entry in the same transaction: out of judging, ranking, publication and exports, its files
 * served to no one but a safeguarding lead (and, for suspected abuse material, to no one at all).
 * Everything about a concern is for safeguarding leads only; the main audit trail learns only that
 * an entry was held, released or excluded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ConcernService {

    /**
     * The texts as stored: NFC, stripped, and none when they show nothing (NfcText.optional), so that a note of
     * zero-width characters alone is refused like a missing one instead of reaching the lead as a concern that says
     * nothing.
     */
    public record RaiseConcern(@NotNull Concern.Kind kind, @NotNull Concern.Urgency urgency,
                               @NotBlank @Size(max = 5000) String note, @Size(max = 2000) String excerpt) {
        public RaiseConcern {
            note = NfcText.optional(note);
            excerpt = NfcText.optional(excerpt);
        }
    }

    /** As {@link RaiseConcern}: a text that shows nothing counts as not given (reportedTo is then refused). */
    public record ActionRequest(@NotNull ConcernAction.Kind action, @Size(max = 5000) String note,
                                @Size(max = 300) String reportedTo, @Size(max = 200) String reportReference,
                                Instant reportedAt) {
        public ActionRequest {
            note = NfcText.optional(note);
            reportedTo = NfcText.optional(reportedTo);
            reportReference = NfcText.optional(reportReference);
        }
    }

    /** What the person who raised it gets back: nothing about what happens next. */
    public record Raised(long id, String reference, Concern.Status status) {
    }

    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessPolicy access;
    private final AuditLog audit;
    private final SafeguardingAudit record;
    private final JuryRoomConfig config;
    private final EntityManager em;
    private final jakarta.validation.Validator validator;
    private final org.juryroom.judging.AssignmentService assignments;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final SafeguardingAlerts alerts;

    public ConcernService(AccessPolicy access, AuditLog audit, SafeguardingAudit record, JuryRoomConfig config,
                          EntityManager em, jakarta.validation.Validator validator,
                          org.juryroom.judging.AssignmentService assignments, com.fasterxml.jackson.databind.ObjectMapper json, SafeguardingAlerts alerts) {
        this.alerts = alerts;
        this.json = json;
        this.validator = validator;
        this.assignments = assignments;
        this.access = access;
        this.audit = audit;
        this.record = record;
        this.config = config;
        this.em = em;
    }

    /**
     * Anyone who can see the entry, in any state of the competition or the entry, and a juror who
     * had it when another concern held it ({@link AccessPolicy#concernableEntry}). Who may is
     * settled before the content is checked, so that nobody learns more than 404 of an entry they
     * cannot see.
     */
    public Raised raise(long entryId, RaiseConcern request) {
        Entry seen = access.concernableEntry(entryId);
        if (request == null) {
            throw ProblemException.badRequest("Send the concern as JSON: kind, urgency, note and, if you can, excerpt");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        Entry e = lockedFresh(seen);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Concern c = new Concern();
        c.reference = newReference();
        c.entryId = e.id;
        c.kind = request.kind();
        c.urgency = request.urgency();
        c.note = request.note();
        c.excerpt = request.excerpt();
        CurrentUser me = access.currentUser();
        c.raisedBy = me.username();
        c.raisedByRole = me.roleName();
        c.raisedAt = now;
        c.triageDueAt = now.plus(config.safeguarding().triageWithin());
        c.entrySnapshot = toJson(asRaised(e));
        c.persist();
        if (c.kind == Concern.Kind.SUSPECTED_ABUSE_MATERIAL) {
            e.filesSealed = true;
        }
        if (e.hold == null) {
            e.hold = Entry.Hold.HELD;
            audit.recordForSafeguarding(AuditAction.ENTRY_HELD, e.competition.id, AuditLog.Subject.of("entry", e.id),
                    null, Map.of("hold", Entry.Hold.HELD));
        }
        record.append("CONCERN_RAISED", c, Map.of("kind", c.kind, "urgency", c.urgency));
        alerts.raised(c);
        return new Raised(c.id, c.reference, c.status);
    }

    /** The code of an entry this user may raise a concern about (the form page shows nothing more); else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String raisableCode(long entryId) {
        return access.concernableEntry(entryId).code;
    }

    // ---- The safeguarding desk: leads only --------------------------------------------------

    public record QueueItem(long id, String reference, Concern.Kind kind, Concern.Urgency urgency,
                            Concern.Status status, Concern.Outcome outcome, long entryId, String entryCode,
                            Instant raisedAt, Instant triageDueAt, Instant triagedAt, boolean overdue) {
    }

    /** Open concerns (or closed, or all), the immediate-danger ones first, then the oldest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueItem> queue(String status) {
        access.requireSafeguardingLead("The safeguarding desk");
        String where = switch (status == null ? "OPEN" : status.toUpperCase(java.util.Locale.ROOT)) {
            case "OPEN" -> "c.status = 'OPEN'";
            case "CLOSED" -> "c.status = 'CLOSED'";
            case "ALL" -> "true";
            default -> throw ProblemException.badRequest("status must be OPEN, CLOSED or ALL");
        };
        Instant now = Instant.now();
        return em.createQuery("select c, e.code from Concern c, Entry e where e.id = c.entryId and " + where
                        + " order by case when c.status = 'OPEN' then 0 else 1 end,"
                        + " case when c.urgency = 'IMMEDIATE_DANGER' then 0 else 1 end, c.raisedAt, c.id",
                        Object[].class)
                .getResultStream().map(r -> {
                    Concern c = (Concern) r[0];
                    return new QueueItem(c.id, c.reference, c.kind, c.urgency, c.status, c.outcome, c.entryId,
                            (String) r[1], c.raisedAt, c.triageDueAt, c.triagedAt, c.overdue(now));
                }).toList();
    }

    /** How many concerns wait for a lead: the badge on every lead's pages. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount() {
        return access.currentUser().isSafeguardingLead() ? Concern.openCount() : 0;
    }

    public record Contact(String name, String phone, String email) {
    }

    public record SchoolRecord(long id, String name, String district, String contactName, String contactEmail,
                               Contact safeguardingContact) {
    }

    public record ChildRecord(String firstName, Integer grade) {
    }

    public record FileRecord(long id, String name, String contentType, long size, String sha256,
                             boolean viewable, String url) {
    }

    public record EntryRecord(long id, String code, String title, String statement, EntryStatus status,
                              Entry.Hold hold, boolean filesSealed, String competition, String category,
                              SchoolRecord school, List<ChildRecord> participants, String consentAttestedBy,
                              List<FileRecord> files) {
    }

    /** What the entry said and held when the concern was raised; the lead and the evidence package keep it. */
    public record EntryAsRaised(String title, String statement, String categoryCode, EntryStatus status,
                                List<ChildRecord> participants, List<FileRecord> files) {
    }

    private static EntryAsRaised asRaised(Entry e) {
        return new EntryAsRaised(e.title, e.statement, e.category.code, e.status,
                e.participants.stream().map(p -> new ChildRecord(p.firstName, p.grade)).toList(),
                EntryFile.storedOf(e.id).stream().map(f -> new FileRecord(f.id, f.displayName, f.contentType, f.size,
                        f.sha256, false, null)).toList());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private EntryAsRaised fromJson(String value) {
        try {
            return json.readValue(value, EntryAsRaised.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public record ActionRecord(ConcernAction.Kind action, String note, String reportedTo, String reportReference,
                               Instant reportedAt, String by, Instant at) {
    }

    public record ConcernRecord(long id, String reference, Concern.Kind kind, Concern.Urgency urgency, String note,
                                String excerpt, Concern.Status status, Concern.Outcome outcome, String raisedBy,
                                String raisedByRole, Instant raisedAt, Instant triageDueAt, Instant triagedAt,
                                boolean overdue, Instant closedAt, EntryRecord entry, EntryAsRaised entryAsRaised,
                                List<ActionRecord> history, List<String> otherConcerns) {
    }

    /** Everything about one concern; reading it is recorded in the safeguarding audit trail. */
    public ConcernRecord detail(long concernId) {
        access.requireSafeguardingLead("A safeguarding concern");
        Concern c = concern(concernId);
        record.append("CONCERN_READ", c, null);
        return recordOf(c);
    }

    ConcernRecord recordOf(Concern c) {
        Entry e = Entry.findById(c.entryId);
        var s = e.school;
        Contact contact = s.safeguardingName == null ? null
                : new Contact(s.safeguardingName, s.safeguardingPhone, s.safeguardingEmail);
        boolean viewable = !e.filesSealed;
        List<FileRecord> files = EntryFile.storedOf(e.id).stream().map(f -> new FileRecord(f.id, f.displayName,
                f.contentType, f.size, f.sha256, viewable,
                viewable ? "/api/safeguarding/concerns/" + c.id + "/files/" + f.id : null)).toList();
        EntryRecord entry = new EntryRecord(e.id, e.code, e.title, e.statement, e.status, e.hold, e.filesSealed,
                e.competition.title, e.category.name,
                new SchoolRecord(s.id, s.name, s.district, s.contactName, s.contactEmail, contact),
                e.participants.stream().map(p -> new ChildRecord(p.firstName, p.grade)).toList(),
                e.consentAttestedBy, files);
        List<ActionRecord> history = ConcernAction.of(c.id).stream().map(a -> new ActionRecord(a.action, a.note,
                a.reportedTo, a.reportReference, a.reportedAt, a.actor, a.at)).toList();
        List<String> others = Concern.<Concern>list("entryId = ?1 and id <> ?2 order by id", e.id, c.id).stream()
                .map(o -> o.reference).toList();
        return new ConcernRecord(c.id, c.reference, c.kind, c.urgency, c.note, c.excerpt, c.status, c.outcome,
                c.raisedBy, c.raisedByRole, c.raisedAt, c.triageDueAt, c.triagedAt, c.overdue(Instant.now()),
                c.closedAt, entry, fromJson(c.entrySnapshot), history, others);
    }

    /**
     * A lead's step on an open concern. RELEASED returns the entry to judging as it was (once no
     * other concern on it is open); EXCLUDED keeps it out for good and shows the school a withdrawal.
     */
    public ConcernRecord act(long concernId, @Valid @NotNull ActionRequest request) {
        access.requireSafeguardingLead("Acting on a safeguarding concern");
        Concern c = em.find(Concern.class, concernId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Concern " + concernId);
        }
        if (!c.open()) {
            throw ProblemException.conflict("Concern " + c.reference + " is closed; raise a new concern if needed");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConcernAction.Kind kind = request.action();
        if (kind == ConcernAction.Kind.REPORTED) {
            if (request.reportedTo() == null) {
                throw ProblemException.unprocessable("reportedTo",
                        "Say to whom it was reported (e.g. the Special Juvenile Police Unit, the police station, the cybercrime portal)");
            }
            if (request.reportedAt() == null || request.reportedAt().isAfter(now.plus(5, ChronoUnit.MINUTES))) {
                throw ProblemException.unprocessable("reportedAt", "Say when it was reported (not in the future)");
            }
            // The lead reports what this concern raised, so not before it was raised (year 1 is a slip of the
            // keyboard); to the minute, as the desk's form gives the time.
            Instant raised = c.raisedAt.truncatedTo(ChronoUnit.MINUTES);
            if (request.reportedAt().isBefore(raised)) {
                throw ProblemException.unprocessable("reportedAt",
                        "Say when it was reported: not before the concern was raised (" + raised + ")");
            }
        }
        if (kind == ConcernAction.Kind.NO_FURTHER_ACTION && request.note() == null) {
            // The record must show why no report was made (docs/safeguarding.md): a bare decision says nothing later.
            throw ProblemException.unprocessable("note", "Say why no report is needed");
        }
        ConcernAction a = new ConcernAction();
        a.concernId = c.id;
        a.action = kind;
        a.note = request.note();
        a.reportedTo = kind == ConcernAction.Kind.REPORTED ? request.reportedTo() : null;
        a.reportReference = kind == ConcernAction.Kind.REPORTED ? request.reportReference() : null;
        a.reportedAt = kind == ConcernAction.Kind.REPORTED ? request.reportedAt() : null;
        a.actor = access.currentUser().username();
        a.at = now;
        a.persist();
        if (c.triagedAt == null) {
            c.triagedAt = now;
        }
        if (kind.closes()) {
            close(c, kind, now);
        }
        record.append("ACTION_" + kind.name(), c, request);
        return recordOf(c);
    }

    private void close(Concern c, ConcernAction.Kind kind, Instant now) {
        Entry e = lockedFresh(em.find(Entry.class, c.entryId));
        c.status = Concern.Status.CLOSED;
        c.closedAt = now;
        c.outcome = kind == ConcernAction.Kind.EXCLUDED ? Concern.Outcome.EXCLUDED : Concern.Outcome.RELEASED;
        em.flush();
        List<Concern> stillOpen = Concern.openOf(e.id);
        if (kind == ConcernAction.Kind.EXCLUDED) {
            if (e.hold != Entry.Hold.EXCLUDED) {
                e.hold = Entry.Hold.EXCLUDED;
                e.status = EntryStatus.WITHDRAWN;
                e.updatedAt = now;
                audit.recordForSafeguarding(AuditAction.ENTRY_EXCLUDED, e.competition.id,
                        AuditLog.Subject.of("entry", e.id), Map.of("hold", Entry.Hold.HELD),
                        Map.of("hold", Entry.Hold.EXCLUDED));
            }
            return;
        }
        // Files stay sealed while any concern of suspected abuse material has not been released.
        e.filesSealed = Concern.count("entryId = ?1 and kind = ?2 and (status = ?3 or outcome <> ?4)", e.id,
                Concern.Kind.SUSPECTED_ABUSE_MATERIAL, Concern.Status.OPEN, Concern.Outcome.RELEASED) > 0;
        if (e.hold == Entry.Hold.HELD && stillOpen.isEmpty()) {
            e.hold = null;
            audit.recordForSafeguarding(AuditAction.ENTRY_RELEASED, e.competition.id,
                    AuditLog.Subject.of("entry", e.id), Map.of("hold", Entry.Hold.HELD),
                    java.util.Collections.singletonMap("hold", null));
            // A withdrawn entry stays as its withdrawal left it (EntryService.withdraw keeps everything, so the
            // school may still reinstate it; a guardian's withdrawal is erased by the retention job): the
            // release only lifts the hold. An entry still in the competition gets its jurors back.
            if (e.status != EntryStatus.WITHDRAWN) {
                // Back to k jurors if it was held when jurors were assigned or lost one meanwhile.
                assignments.topUp(e.competition.id, java.util.Set.of(e.id), "released after a safeguarding review");
            }
        }
    }

    /** A lead looks at a held entry's clean copy; never a file that may be abuse material. */
    public FileDownloads.Download file(long concernId, long fileId) {
        access.requireSafeguardingLead("A held entry's file");
        Concern c = concern(concernId);
        Entry e = Entry.findById(c.entryId);
        EntryFile f = EntryFile.findById(fileId);
        if (!access.mayReadHeldFiles(e) || f == null || !f.entryId.equals(e.id)
                || f.status != org.juryroom.storage.FileStatus.STORED) {
            throw ProblemException.notFound("File " + fileId);
        }
        record.append("FILE_VIEWED", c, Map.of("fileId", f.id));
        return FileDownloads.Download.of(f, FileVariant.CLEAN, f.displayName);
    }

    /**
     * The entry row locked and read again: holds and releases of one entry take turns, and each
     * decides on the state the previous one committed (a lock on an entity already read would keep
     * the stale hold, and its version check would refuse the concern instead of serialising it).
     */
    private Entry lockedFresh(Entry e) {
        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        return e;
    }

    Concern concern(long concernId) {
        Concern c = Concern.findById(concernId);
        if (c == null) {
            throw ProblemException.notFound("Concern " + concernId);
        }
        return c;
    }

    private static String newReference() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder sb = new StringBuilder("SG-");
            for (int i = 0; i < 6; i++) {
                sb.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
            }
            if (Concern.count("reference", sb.toString()) == 0) {
                return sb.toString();
            }
        }
        throw new IllegalStateException("no free concern reference after 10 tries");
    }
}
