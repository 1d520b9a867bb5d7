package org.juryroom.dataaccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditEvent;
import org.juryroom.audit.AuditLog;
import org.juryroom.competition.Competition;
import org.juryroom.consent.ConsentNotice;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.dataaccess.AccessRequestFile.CategoryPart;
import org.juryroom.dataaccess.AccessRequestFile.ChildPart;
import org.juryroom.dataaccess.AccessRequestFile.CompetitionPart;
import org.juryroom.dataaccess.AccessRequestFile.ConsentPart;
import org.juryroom.dataaccess.AccessRequestFile.ConsentSummaryPart;
import org.juryroom.dataaccess.AccessRequestFile.EntryPart;
import org.juryroom.dataaccess.AccessRequestFile.EventPart;
import org.juryroom.dataaccess.AccessRequestFile.FilePart;
import org.juryroom.dataaccess.AccessRequestFile.NoticePart;
import org.juryroom.dataaccess.AccessRequestFile.SchoolPart;
import org.juryroom.dataaccess.AccessRequestFile.ScopePart;
import org.juryroom.dataaccess.AuditDisclosure.Audience;
import org.juryroom.dataaccess.AuditDisclosure.Disclosure;
import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;
import org.juryroom.school.School;
import org.juryroom.storage.EntryFile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access requests (DPDP s.11, GDPR Art. 15; docs/privacy.md): everything held about the children of a
 * school's entries, or of one entry, as one JSON file. Each file served is audited
 * (ACCESS_REQUEST_SERVED, with the entry codes it covered and nothing personal).
 */
@ApplicationScoped
public class DataAccessService {

    /** A file to download: its name (entry code or school id, never a child's name) and bytes. */
    public record Download(String fileName, byte[] body) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectMapper json;

    public DataAccessService(AccessPolicy access, AuditLog audit, ObjectMapper json) {
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /** The signed-in school's file: every entry it made, in every competition. */
    @Transactional
    public Download forSchool() {
        long schoolId = access.accessRequestSchool();
        School s = School.findById(schoolId);
        List<Entry> entries = Entry.list("school.id = ?1 order by createdAt, id", schoolId);
        AccessRequestFile file = file(schoolPart(s), entries, Audience.SCHOOL);
        audit.record(AuditAction.ACCESS_REQUEST_SERVED, null, AuditLog.Subject.of("school", schoolId), null,
                Map.of("audience", Audience.SCHOOL, "entries", entries.stream().map(e -> e.code).toList()));
        return new Download("juryroom-data-school-" + schoolId + ".json", write(file));
    }

    /** One entry's file, for an organiser answering a guardian. */
    @Transactional
    public Download forEntry(long entryId) {
        Entry e = access.accessRequestEntry(entryId);
        AccessRequestFile file = file(null, List.of(e), Audience.ORGANISER);
        audit.record(AuditAction.ACCESS_REQUEST_SERVED, e.competition.id, AuditLog.Subject.of("entry", e.id), null,
                Map.of("audience", Audience.ORGANISER, "entries", List.of(e.code)));
        return new Download("juryroom-data-entry-" + e.code + ".json", write(file));
    }

    private AccessRequestFile file(SchoolPart school, List<Entry> entries, Audience audience) {
        boolean showHold = access.accessRequestShowsHold();
        List<EntryPart> parts = entries.stream().map(e -> entryPart(e, audience, showHold)).toList();
        return new AccessRequestFile(AccessRequestFile.FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                access.currentUser().roleName(), school, notes(audience), parts);
    }

    private static List<String> notes(Audience audience) {
        List<String> notes = new ArrayList<>();
        notes.add("Everything JuryRoom holds about the children of these entries (DPDP Act 2023 s.11, GDPR Art. 15)."
                + " A child's data is the first name and grade; the guardian's consent record is the guardian's.");
        notes.add("Files are listed by their details, not their bytes: a signed-in school or organiser downloads each"
                + " at its 'download' address (not while the entry is under a safeguarding review or after erasure).");
        notes.add("Audit events name the role that acted, never the person: staff names are their own personal data."
                + " Values are given for changes to the entry's own content; other events show what happened and when.");
        if (audience == Audience.SCHOOL) {
            notes.add("Safeguarding records are not part of this file: while a concern may involve an offence against"
                    + " a child they are exempt from access; ask the competition's safeguarding lead.");
        } else {
            notes.add("Safeguarding: only whether the entry is held is shown; the records of a concern are exempt"
                    + " from access while it is open and are handled by the safeguarding lead.");
        }
        return notes;
    }

    private EntryPart entryPart(Entry e, Audience audience, boolean showHold) {
        Competition c = e.competition;
        List<GuardianConsent> records = GuardianConsent.ofEntry(e.id);
        Map<Long, GuardianConsent> byParticipant = new LinkedHashMap<>();
        List<ConsentPart> orphans = new ArrayList<>();
        for (GuardianConsent r : records) {
            if (r.participant == null) {
                orphans.add(consentPart(r));
            } else {
                byParticipant.put(r.participant.id, r);
            }
        }
        List<ChildPart> children = new ArrayList<>();
        for (Participant p : e.participants) {
            GuardianConsent r = byParticipant.get(p.id);
            children.add(new ChildPart(p.position, p.firstName, p.grade, r == null ? null : consentPart(r)));
        }
        List<FilePart> files = EntryFile.<EntryFile>list("entryId = ?1 order by id", e.id).stream()
                .map(f -> new FilePart(f.id, f.displayName, f.contentType, f.size, f.sha256, f.createdAt,
                        f.status.name(), f.review.name(), "/api/entries/" + e.id + "/files/" + f.id))
                .toList();
        return new EntryPart(e.id, e.code,
                new CompetitionPart(c.id, c.title, c.status.name(), c.publishedAt, c.retainPersonalDataUntil,
                        c.personalDataDueAt().orElse(null)),
                e.title, e.statement, e.status.name(), new CategoryPart(e.category.code, e.category.name),
                e.createdAt, e.updatedAt, e.submittedAt, e.identifiableChild, e.personalDataErasedAt, e.erasureReason,
                new ConsentSummaryPart(e.consentJudging, e.consentPublishWork, e.consentPublishNames,
                        e.consentAttestedBy),
                children, orphans, files, showHold && e.hold != null ? e.hold.name() : null, events(e, audience));
    }

    private static ConsentPart consentPart(GuardianConsent r) {
        Map<String, ScopePart> scopes = new LinkedHashMap<>();
        for (GuardianConsent.Scope scope : GuardianConsent.Scope.values()) {
            boolean given = switch (scope) {
                case judging -> r.judging;
                case publishWork -> r.publishWork;
                case publishName -> r.publishName;
            };
            scopes.put(scope.name(), new ScopePart(given, r.active(scope), r.withdrawnAt(scope)));
        }
        ConsentNotice n = r.notice;
        return new ConsentPart(r.guardianName, r.relationship == null ? null : r.relationship.name(), r.guardianEmail,
                r.guardianPhone, r.verification == null ? null : r.verification.name(), r.verificationReference,
                r.verificationNote, n == null ? new NoticePart(null, null) : new NoticePart(n.version, n.texts),
                scopes, r.givenAt, recordedBy(r), r.attestedBy, "/consent/" + r.token, r.erasedAt);
    }

    private List<EventPart> events(Entry e, Audience audience) {
        List<EventPart> events = new ArrayList<>();
        for (AuditEvent ev : AuditEvent.<AuditEvent>list("subjectType = 'entry' and subjectId = ?1 order by id", e.id)) {
            Disclosure d = AuditDisclosure.of(ev.action, ev.actorRole, audience);
            if (d == Disclosure.OMITTED) {
                continue;
            }
            boolean values = d == Disclosure.WITH_VALUES;
            events.add(new EventPart(ev.at, ev.action, ev.actorRole, values ? tree(ev.before) : null,
                    values ? tree(ev.after) : null));
        }
        return events;
    }

    private static SchoolPart schoolPart(School s) {
        return new SchoolPart(s.id, s.name, s.district, s.contactName, s.contactEmail, s.safeguardingName,
                s.safeguardingPhone, s.safeguardingEmail);
    }

    private JsonNode tree(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An audit value is not JSON", ex);
        }
    }

    private byte[] write(AccessRequestFile file) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("The access-request file could not be written", ex);
        }
    }

    /** Like the audit events, the file names the kind of account that recorded a consent, not the account. */
    private static String recordedBy(GuardianConsent r) {
        return "migration".equals(r.recordedBy) ? "migration" : "school";
    }
}
