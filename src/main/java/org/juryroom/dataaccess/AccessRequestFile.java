package org.juryroom.dataaccess;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The access-request file (docs/privacy.md, "Access requests"): everything JuryRoom holds about the
 * children of one school's entries, or of one entry. The shape is documented in docs/api.md.
 */
public record AccessRequestFile(String format, Instant generatedAt, String requestedByRole, SchoolPart school,
                                List<String> notes, List<EntryPart> entries) {

    public static final String FORMAT = "juryroom-access-request/1";

    /** The school's own record (its contact persons are the school's, not the children's). */
    public record SchoolPart(Long id, String name, String district, String contactName, String contactEmail,
                             String safeguardingName, String safeguardingPhone, String safeguardingEmail) {
    }

    public record CompetitionPart(Long id, String title, String status, Instant publishedAt,
                                  Instant retainPersonalDataUntil, Instant personalDataDueAt) {
    }

    public record CategoryPart(String code, String name) {
    }

    /**
     * @param safeguardingHold organisers' file only (HELD, EXCLUDED or null); absent from the school's
     */
    public record EntryPart(Long id, String code, CompetitionPart competition, String title, String statement,
                            String status, CategoryPart category, Instant createdAt, Instant updatedAt,
                            Instant submittedAt, boolean identifiableChild, Instant personalDataErasedAt,
                            String erasureReason, ConsentSummaryPart consentSummary, List<ChildPart> children,
                            List<ConsentPart> consentRecordsWithoutChild, List<FilePart> files,
                            String safeguardingHold, List<EventPart> auditEvents) {
    }

    public record ConsentSummaryPart(boolean judging, boolean publishWork, boolean publishNames, String attestedBy) {
    }

    /** A child: first name and grade (all the app ever holds of a child), and the guardian's record. */
    public record ChildPart(int position, String firstName, Integer grade, ConsentPart guardianConsent) {
    }

    public record ConsentPart(String guardianName, String relationship, String guardianEmail, String guardianPhone,
                              String verification, String verificationReference, String verificationNote,
                              NoticePart notice, Map<String, ScopePart> scopes, Instant givenAt, String recordedBy,
                              String attestedBy, String withdrawUrl, Instant erasedAt) {
    }

    /** The notice the guardian was shown, in every language held; null text for records from before versioning. */
    public record NoticePart(Integer version, Map<String, String> texts) {
    }

    public record ScopePart(boolean given, boolean active, Instant withdrawnAt) {
    }

    /** A file's metadata; the bytes are served at {@code download} (signed in as the school or an organiser). */
    public record FilePart(Long id, String name, String contentType, Long size, String sha256, Instant uploadedAt,
                           String status, String privacyReview, String download) {
    }

    public record EventPart(Instant at, String action, String actorRole, JsonNode before, JsonNode after) {
    }
}
