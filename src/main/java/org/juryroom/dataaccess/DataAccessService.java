package org.juryroom.dataaccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditEvent;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
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
import org.juryroom.i18n.Languages;
import org.juryroom.school.School;
import org.juryroom.storage.EntryFile;
import org.juryroom.web.PrivacyMsg;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access requests (DPDP s.11, GDPR Art. 15; docs/privacy.md): everything held about the children of a
 * school's entries, or about one child of an entry, as one JSON file whose notes are in its reader's
 * language. Each file served is audited (ACCESS_REQUEST_SERVED, with the entry codes it covered, the
 * child's place, and nothing personal).
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
        List<EntryPart> parts = entries.stream()
                .map(e -> entryPart(e, GuardianConsent.ofEntry(e.id), Audience.SCHOOL, null)).toList();
        AccessRequestFile file = file(schoolPart(s), parts, Audience.SCHOOL, null, Languages.ofCurrentRequest());
        audit.record(AuditAction.ACCESS_REQUEST_SERVED, null, AuditLog.Subject.of("school", schoolId), null,
                Map.of("audience", Audience.SCHOOL, "entries", entries.stream().map(e -> e.code).toList()));
        return new Download("juryroom-data-school-" + schoolId + ".json", write(file));
    }

    /**
     * One entry's file, for an organiser answering a guardian: for the child at {@code position}, with only that
     * child's data and guardian's record ({@link OneChild}). Without a position, the whole entry, which only an
     * entry of one child may be: in a group entry the file would hand one family the others' data and their
     * withdrawal links.
     */
    @Transactional
    public Download forEntry(long entryId, Integer position) {
        Entry e = access.accessRequestEntry(entryId);
        int children = e.participants.size();
        if (position == null && children > 1) {
            throw ProblemException.badRequest("Entry " + e.id + " has " + children + " children: choose the one the"
                    + " guardian asks about with the query parameter 'position' (0 to " + (children - 1)
                    + "); each file answers for one child");
        }
        List<GuardianConsent> records = GuardianConsent.ofEntry(e.id);
        OneChild only = null;
        if (position != null) {
            Participant child = e.participants.stream().filter(p -> p.position == position).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Child " + position + " of entry " + e.id));
            only = OneChild.of(child, e.participants, records, pastNames(e));
        }
        // The guardian reads the notes: in the language they chose for their mails, else the request's.
        GuardianConsent guardian = only != null ? only.record : records.size() == 1 ? records.get(0) : null;
        String language = guardian != null && Languages.supported(guardian.language) ? guardian.language
                : Languages.ofCurrentRequest();
        AccessRequestFile file = file(null, List.of(entryPart(e, records, Audience.ORGANISER, only)),
                Audience.ORGANISER, only, language);
        Map<String, Object> served = new LinkedHashMap<>();
        served.put("audience", Audience.ORGANISER);
        served.put("entries", List.of(e.code));
        if (position != null) {
            served.put("position", position);
        }
        audit.record(AuditAction.ACCESS_REQUEST_SERVED, e.competition.id, AuditLog.Subject.of("entry", e.id), null,
                served);
        return new Download("juryroom-data-entry-" + e.code + (position == null ? "" : "-child-" + position) + ".json",
                write(file));
    }

    private AccessRequestFile file(SchoolPart school, List<EntryPart> entries, Audience audience, OneChild only,
                                   String language) {
        PrivacyMsg msg = MessageBundles.get(PrivacyMsg.class, Localized.Literal.of(language));
        return new AccessRequestFile(AccessRequestFile.FORMAT, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                access.currentUser().roleName(), school, notes(msg, audience, only), entries);
    }

    private static List<String> notes(PrivacyMsg msg, Audience audience, OneChild only) {
        List<String> notes = new ArrayList<>();
        notes.add(msg.privacy_file_note_held());
        if (only != null) {
            notes.add(msg.privacy_file_note_one_child(only.child.position));
        }
        notes.add(msg.privacy_file_note_files());
        notes.add(msg.privacy_file_note_events());
        notes.add(audience == Audience.SCHOOL ? msg.privacy_file_note_safeguarding_school()
                : msg.privacy_file_note_safeguarding_organiser());
        return notes;
    }

    /** {@code only}: the child the file answers for (the others' data hidden), or null for every child. */
    private EntryPart entryPart(Entry e, List<GuardianConsent> records, Audience audience, OneChild only) {
        Competition c = e.competition;
        boolean showHold = access.accessRequestShowsHold();
        Map<Long, GuardianConsent> byParticipant = new LinkedHashMap<>();
        List<ConsentPart> orphans = new ArrayList<>();
        for (GuardianConsent r : records) {
            if (r.participant == null) {
                if (only == null) {
                    orphans.add(consentPart(r, audience));
                }
            } else {
                byParticipant.put(r.participant.id, r);
            }
        }
        List<ChildPart> children = new ArrayList<>();
        for (Participant p : e.participants) {
            GuardianConsent r = byParticipant.get(p.id);
            children.add(only == null || only.isThisChild(p)
                    ? new ChildPart(p.position, p.firstName, p.grade, r == null ? null : consentPart(r, audience))
                    : new ChildPart(p.position, null, null, null)); // another family's: the place only
        }
        List<FilePart> files = EntryFile.<EntryFile>list("entryId = ?1 order by id", e.id).stream()
                .map(f -> new FilePart(f.id, shown(only, f.displayName), f.contentType, f.size, f.sha256, f.createdAt,
                        f.status.name(), f.review.name(), "/api/entries/" + e.id + "/files/" + f.id))
                .toList();
        return new EntryPart(e.id, e.code,
                new CompetitionPart(c.id, c.title, c.status.name(), c.publishedAt, c.retainPersonalDataUntil,
                        c.personalDataDueAt().orElse(null)),
                shown(only, e.title), shown(only, e.statement), e.status.name(),
                new CategoryPart(e.category.code, e.category.name),
                e.createdAt, e.updatedAt, e.submittedAt, e.identifiableChild, e.personalDataErasedAt, e.erasureReason,
                new ConsentSummaryPart(e.consentJudging, e.consentPublishWork, e.consentPublishNames,
                        e.consentAttestedBy),
                children, orphans, files, showHold && e.hold != null ? e.hold.name() : null, events(e, audience, only));
    }

    private static String shown(OneChild only, String text) {
        return only == null ? text : only.text(text);
    }

    /**
     * The school's file holds no withdrawal link: it is the file a school forwards to a guardian who asks, and
     * every family's link in it would let that guardian withdraw another child's consent (which erases a group
     * entry). The school hands each link on from the entry page; the organiser's file is one guardian's own.
     */
    private static ConsentPart consentPart(GuardianConsent r, Audience audience) {
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
                scopes, r.givenAt, recordedBy(r), r.attestedBy, audience == Audience.SCHOOL ? null : "/consent/" + r.token,
                r.erasedAt);
    }

    /** Every child's first name the entry's trail records (ENTRY_CREATED and ENTRY_UPDATED hold them all). */
    @SuppressWarnings("unchecked")
    private List<String> pastNames(Entry e) {
        return AuditEvent.getEntityManager().createNativeQuery("""
                select distinct p ->> 'firstName' from audit_event a,
                  lateral (select a.before_value union all select a.after_value) d(doc),
                  lateral jsonb_array_elements(case when jsonb_typeof(d.doc -> 'participants') = 'array'
                                                    then d.doc -> 'participants' else '[]'::jsonb end) p
                where a.subject_type = 'entry' and a.subject_id = :eid""").setParameter("eid", e.id).getResultList();
    }

    private List<EventPart> events(Entry e, Audience audience, OneChild only) {
        List<EventPart> events = new ArrayList<>();
        for (AuditEvent ev : AuditEvent.<AuditEvent>list("subjectType = 'entry' and subjectId = ?1 order by id", e.id)) {
            Disclosure d = AuditDisclosure.of(ev.action, ev.actorRole, audience);
            if (d == Disclosure.OMITTED) {
                continue;
            }
            JsonNode before = tree(ev.before);
            JsonNode after = tree(ev.after);
            if (only != null && only.aboutAnother(before, after)) {
                continue;
            }
            boolean values = d == Disclosure.WITH_VALUES;
            events.add(new EventPart(ev.at, ev.action, ev.actorRole, values ? shown(only, before) : null,
                    values ? shown(only, after) : null));
        }
        return events;
    }

    private static JsonNode shown(OneChild only, JsonNode value) {
        return only == null ? value : only.json(value);
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
