package org.juryroom.web.school;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.juryroom.consent.GuardianConsent;
import org.juryroom.entry.EntryRequests;
import org.juryroom.web.FormFields;

import java.util.ArrayList;
import java.util.List;

/** The entry form as the browser posts it (plain or multipart); files only when creating. */
public class EntryFormData {

    @RestForm
    public String title;

    @RestForm
    public String categoryCode;

    @RestForm
    public String statement;

    /** One per participant row, in row order; rows left empty are ignored. */
    @RestForm
    public List<String> firstName = new ArrayList<>();

    @RestForm
    public List<String> grade = new ArrayList<>();

    @RestForm
    public String consentJudging;

    @RestForm
    public String consentPublishWork;

    @RestForm
    public String consentPublishNames;

    @RestForm
    public String attestedBy;

    /** The notice version the form showed (each child's guardian consent is given on it). */
    @RestForm
    public String noticeVersion;

    @RestForm("files")
    public List<FileUpload> files = new ArrayList<>();

    /**
     * The rows a teacher filled in (a name, a grade or the guardian's consent), in order. Row i's
     * guardian fields are named {@code child.i.*} (the page script renumbers them with the rows).
     */
    public List<EntryRequests.ParticipantRequest> participants() {
        List<EntryRequests.ParticipantRequest> rows = new ArrayList<>();
        int n = Math.max(firstName == null ? 0 : firstName.size(), grade == null ? 0 : grade.size());
        for (int i = 0; i < n; i++) {
            String name = i < firstName.size() ? blankToNull(firstName.get(i)) : null;
            String g = i < grade.size() ? blankToNull(grade.get(i)) : null;
            EntryRequests.GuardianConsentRequest consent = guardianConsent(i);
            if (name == null && g == null && consent == null) {
                continue;
            }
            rows.add(new EntryRequests.ParticipantRequest(name == null ? null : name.strip(), parseGrade(g), consent));
        }
        return rows;
    }

    /** Row i's guardian consent, or null when none of its fields was filled in (the child keeps its record). */
    private EntryRequests.GuardianConsentRequest guardianConsent(int i) {
        String p = "child." + i + ".";
        String guardian = blankToNull(FormFields.first(p + "guardianName"));
        String email = blankToNull(FormFields.first(p + "guardianEmail"));
        String phone = blankToNull(FormFields.first(p + "guardianPhone"));
        String reference = blankToNull(FormFields.first(p + "verificationReference"));
        String note = blankToNull(FormFields.first(p + "verificationNote"));
        List<GuardianConsent.Scope> scopes = new ArrayList<>();
        for (String s : FormFields.all(p + "scopes")) {
            parse(GuardianConsent.Scope.class, s).ifPresent(scopes::add);
        }
        if (guardian == null && email == null && phone == null && reference == null && note == null
                && scopes.isEmpty()) {
            return null;
        }
        Integer version = null;
        try {
            version = noticeVersion == null || noticeVersion.isBlank() ? null : Integer.valueOf(noticeVersion.strip());
        } catch (NumberFormatException e) {
            version = -1; // no such version: the service names the field
        }
        return new EntryRequests.GuardianConsentRequest(guardian, parse(GuardianConsent.Relationship.class,
                FormFields.first(p + "relationship")).orElse(null), email, phone,
                parse(GuardianConsent.Verification.class, FormFields.first(p + "verification")).orElse(null),
                reference, note, version, scopes, blankToNull(FormFields.first(p + "language")));
    }

    private static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The entry-level consent: the teacher's attestation; with the older form's three ticks (sent only
     * by clients that still post them) also the legacy entry-wide consent.
     */
    public EntryRequests.ConsentRequest consent() {
        boolean legacy = consentJudging != null || consentPublishWork != null || consentPublishNames != null;
        return new EntryRequests.ConsentRequest(legacy ? checked(consentJudging) : null,
                legacy ? checked(consentPublishWork) : null, legacy ? checked(consentPublishNames) : null,
                blankToNull(attestedBy));
    }

    public EntryRequests.CreateEntry toCreate() {
        return new EntryRequests.CreateEntry(strip(title), strip(categoryCode), blankToNull(statement), participants(),
                consent());
    }

    /** The whole form replaces the entry's details (the edit form always sends every field). */
    public EntryRequests.UpdateEntry toUpdate() {
        return new EntryRequests.UpdateEntry(strip(title), strip(categoryCode), statement == null ? "" : statement,
                participants(), consent());
    }

    private static boolean checked(String value) {
        return value != null && !value.isEmpty();
    }

    private static Integer parseGrade(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1; // out of range: the service names the field
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
