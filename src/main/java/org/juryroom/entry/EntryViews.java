package org.juryroom.entry;

import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileNames;

import org.juryroom.consent.ConsentService;
import org.juryroom.consent.GuardianConsent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shapes an entry leaves the API in. The blind view is a different type, not a filtered
 * copy, so no field added to the full view can ever leak to a juror by accident.
 */
public final class EntryViews {

    private EntryViews() {
    }

    /**
     * A file as listed with its entry. {@code thumbnail}: a thumbnail can be fetched;
     * {@code review}: REQUIRED while an organiser must look at it before jurors see it.
     */
    public record FileView(Long id, String name, String contentType, Long size, String sha256, boolean thumbnail,
                           EntryFile.Review review, String reviewNote) {

        /** For the owning school and organisers: the upload's name, size and checksum. */
        public static FileView full(EntryFile f) {
            return new FileView(f.id, f.displayName, f.contentType, f.size, f.sha256, f.thumbKey != null, f.review,
                    f.reviewNote);
        }

        /** For jurors: the clean copy, under the entry code. */
        static FileView blind(Entry e, EntryFile f) {
            return new FileView(f.id, blindName(e, f), f.contentType, f.cleanSize, null, f.thumbKey != null,
                    f.review == EntryFile.Review.REQUIRED ? f.review : null, null);
        }
    }

    /** {@code consent}: the child's guardian consent record, or null while none is recorded. */
    public record ParticipantView(String firstName, Integer grade, ConsentRecordView consent) {
    }

    /** The entry-level consent: the summary of the children's records (consent/ConsentSummary). */
    public record ConsentView(boolean judging, boolean publishWork, boolean publishNames, String attestedBy) {
    }

    /**
     * A child's guardian consent, for the school and organisers only (never the jury, never the
     * audit trail). {@code scopes}: what was given; {@code activeScopes}: what still holds;
     * {@code withdrawnAt}: scope to when it was withdrawn; {@code withdrawUrl}: the link to give the guardian;
     * {@code awaitingConfirmation}: a GUARDIAN_EMAIL_CONFIRMED consent the guardian has not confirmed yet.
     */
    public record ConsentRecordView(String guardianName, GuardianConsent.Relationship relationship,
                                    String guardianEmail, String guardianPhone,
                                    GuardianConsent.Verification verification, String verificationReference,
                                    String verificationNote, Integer noticeVersion, Set<GuardianConsent.Scope> scopes,
                                    Set<GuardianConsent.Scope> activeScopes, Instant givenAt,
                                    Map<GuardianConsent.Scope, Instant> withdrawnAt, String recordedBy,
                                    String attestedBy, String withdrawUrl, boolean awaitingConfirmation,
                                    Instant confirmedAt, String language) {

        static ConsentRecordView of(GuardianConsent r) {
            Map<GuardianConsent.Scope, Instant> withdrawn = new EnumMap<>(GuardianConsent.Scope.class);
            for (GuardianConsent.Scope scope : GuardianConsent.Scope.values()) {
                if (r.withdrawnAt(scope) != null) {
                    withdrawn.put(scope, r.withdrawnAt(scope));
                }
            }
            return new ConsentRecordView(r.guardianName, r.relationship, r.guardianEmail, r.guardianPhone,
                    r.verification, r.verificationReference, r.verificationNote,
                    r.notice == null ? null : r.notice.version, ConsentService.given(r), ConsentService.active(r),
                    r.givenAt, withdrawn, r.recordedBy, r.attestedBy, "/consent/" + r.token, r.awaitingConfirmation(),
                    r.confirmedAt, r.language);
        }
    }

    public record SchoolRef(Long id, String name) {
    }

    /** For the owning school and organisers. */
    public record EntryDetails(Long id, String code, Long competitionId, EntryStatus status, String title,
                               String categoryCode, String statement, SchoolRef school,
                               List<ParticipantView> participants, ConsentView consent, List<FileView> files,
                               Instant submittedAt, Instant createdAt, Instant updatedAt, long version,
                               List<String> juryRedactions, Entry.Hold safeguardingHold, boolean identifiableChild) {
    }

    /** For jurors: the anonymous code and the work, nothing about who made it. */
    public record BlindEntry(Long id, String code, Long competitionId, String title, String categoryCode,
                             String statement, List<FileView> files) {
    }

    /** A list row; {@code school} is null in a juror's list. */
    /** {@code result}, {@code place}: once the competition is PUBLISHED (publishing/EntryResults), else null. */
    public record EntrySummary(Long id, String code, EntryStatus status, String title, String categoryCode,
                               SchoolRef school, Instant submittedAt, String result, Integer place) {
    }

    /**
     * {@code showHold}: organisers learn that an entry is held (nothing more); the school sees
     * nothing different until the safeguarding lead decides what to tell it.
     */
    public static EntryDetails details(Entry e, List<EntryFile> files, boolean showHold) {
        Map<Integer, GuardianConsent> records = new HashMap<>();
        GuardianConsent.ofEntry(e.id).forEach(r -> records.put(r.position, r));
        return new EntryDetails(e.id, e.code, e.competition.id, e.status, e.title, e.category.code, e.statement,
                new SchoolRef(e.school.id, e.school.name),
                e.participants.stream().map(p -> new ParticipantView(p.firstName, p.grade,
                        records.containsKey(p.position) ? ConsentRecordView.of(records.get(p.position)) : null)).toList(),
                new ConsentView(e.consentJudging, e.consentPublishWork, e.consentPublishNames, e.consentAttestedBy),
                files.stream().map(FileView::full).toList(),
                e.submittedAt, e.createdAt, e.updatedAt, e.version, List.of(e.juryRedactions),
                showHold ? e.hold : null, e.identifiableChild);
    }

    /**
     * The jury's view. Title and statement pass through {@link JuryRedaction}: the organiser's terms,
     * and always what names the school or the children, in case a child wrote them in (see
     * {@link #juryRedactionTerms}).
     */
    public static BlindEntry blind(Entry e, List<EntryFile> files) {
        List<String> terms = juryRedactionTerms(e);
        return new BlindEntry(e.id, e.code, e.competition.id, JuryRedaction.apply(e.title, terms), e.category.code,
                JuryRedaction.apply(e.statement, terms), files.stream().map(f -> FileView.blind(e, f)).toList());
    }

    /** The jury-view title of an entry (queues and scorecards show it too). */
    public static String blindTitle(Entry e) {
        return JuryRedaction.apply(e.title, juryRedactionTerms(e));
    }

    /**
     * What is always hidden from jurors: the organiser's terms; the children's first names; and what
     * identifies the school: its name, its district (it narrows the school down to a few, and jurors
     * declare conflicts school by school), the name of its contact and of the teacher who attested
     * the consent, and the children's guardians ("with my mother Sunita Das") — whole, and word by word
     * but titles: {@link JuryRedaction#personName}.
     */
    static List<String> juryRedactionTerms(Entry e) {
        List<String> terms = new java.util.ArrayList<>(List.of(e.juryRedactions));
        terms.add(e.school.name);
        terms.add(e.school.district);
        terms.addAll(JuryRedaction.personName(e.school.contactName));
        terms.addAll(JuryRedaction.personName(e.consentAttestedBy));
        e.participants.stream().map(p -> p.firstName).filter(java.util.Objects::nonNull).forEach(terms::add);
        org.juryroom.consent.GuardianConsent.ofEntry(e.id)
                .forEach(r -> terms.addAll(JuryRedaction.personName(r.guardianName)));
        return terms;
    }

    /** Upload names can carry a child's name ("Riya_poster.jpg"): jurors get the code instead. */
    public static String blindName(Entry e, EntryFile f) {
        String ext = FileNames.extension(f.displayName);
        return e.code + "-file" + f.id + (ext.isEmpty() ? "" : "." + ext);
    }

    /** A child as the audit trail keeps it: no guardian, no consent record (CONSENT_RECORDED has the scopes). */
    public record AuditedChild(String firstName, Integer grade) {
    }

    /** What the audit trail keeps of an entry's content (before and after a change). */
    public static java.util.Map<String, Object> audited(Entry e) {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("code", e.code);
        v.put("status", e.status);
        v.put("title", e.title);
        v.put("categoryCode", e.category.code);
        v.put("statement", e.statement);
        v.put("participants", e.participants.stream().map(p -> new AuditedChild(p.firstName, p.grade)).toList());
        v.put("consent", new ConsentView(e.consentJudging, e.consentPublishWork, e.consentPublishNames,
                e.consentAttestedBy));
        return v;
    }

    /** What the audit trail keeps of a file. */
    public static FileView audited(EntryFile f) {
        return FileView.full(f);
    }

    /** The public knows a published entry by its rank only. */
    public static String publicName(int rank, EntryFile f) {
        String ext = FileNames.extension(f.displayName);
        return "entry-" + rank + "-file" + f.id + (ext.isEmpty() ? "" : "." + ext);
    }

    public static EntrySummary summary(Entry e, boolean withSchool) {
        return summary(e, withSchool, null);
    }

    public static EntrySummary summary(Entry e, boolean withSchool, org.juryroom.publishing.EntryResults.Result result) {
        // Blind: no submission time either; a school's entries, handed in one after another, would cluster.
        return new EntrySummary(e.id, e.code, e.status, withSchool ? e.title : blindTitle(e), e.category.code,
                withSchool ? new SchoolRef(e.school.id, e.school.name) : null, withSchool ? e.submittedAt : null,
                result == null ? null : result.result().name(), result == null ? null : result.place());
    }
}
