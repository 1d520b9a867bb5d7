package org.juryroom.entry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.juryroom.common.NfcText;
import org.juryroom.common.Phones;
import org.juryroom.consent.GuardianConsent;

import java.util.List;

/** What a school sends about an entry (the files travel as separate multipart parts). */
public final class EntryRequests {

    private EntryRequests() {
    }

    /**
     * One word of letters: we keep first names only, never a surname. Letters of any script with
     * their signs (Bengali and Devanagari vowel signs, viramas) and the joiners ZWNJ/ZWJ that some
     * Indic spellings need (র‍্যা).
     */
    static final String FIRST_NAME = "\\p{L}[\\p{L}\\p{M}\\u200C\\u200D'’-]{0,39}";
    static final String FIRST_NAME_MESSAGE = "{juryroom.firstName}";

    public record CreateEntry(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 40) String categoryCode,
            @Size(max = 5000) String statement,
            @NotEmpty @Size(max = 10, message = "{juryroom.listSize}") List<@Valid @NotNull ParticipantRequest> participants,
            @Valid ConsentRequest consent) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public CreateEntry {
            title = NfcText.name(title); // one that shows nothing is empty: refused as blank
        }
    }

    /** A partial update: fields left out (null) stay as they are. */
    public record UpdateEntry(
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 40) String categoryCode,
            @Size(max = 5000) String statement,
            @Size(min = 1, max = 10, message = "{juryroom.listSize}") List<@Valid @NotNull ParticipantRequest> participants,
            @Valid ConsentRequest consent) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public UpdateEntry {
            title = NfcText.name(title); // one that shows nothing is empty: refused as blank
        }
    }

    /** {@code consent}: this child's guardian's consent; left out, the child keeps the record it has. */
    public record ParticipantRequest(
            @NotBlank @Pattern(regexp = FIRST_NAME, message = FIRST_NAME_MESSAGE) String firstName,
            @NotNull @Min(1) @Max(12) Integer grade,
            @Valid GuardianConsentRequest consent) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public ParticipantRequest {
            firstName = NfcText.nfc(firstName);
        }


        public ParticipantRequest(String firstName, Integer grade) {
            this(firstName, grade, null);
        }
    }

    /**
     * The entry-level consent. With its three booleans it is the legacy form: one record per child
     * that has none of its own (see consent/ConsentService); {@code attestedBy} alone only names the
     * teacher who holds the signed forms.
     */
    public record ConsentRequest(
            Boolean judging,
            Boolean publishWork,
            Boolean publishNames,
            @Size(max = 200) String attestedBy) {

        public boolean givesScopes() {
            return judging != null || publishWork != null || publishNames != null;
        }
    }

    /**
     * One guardian's consent for one child. The rules across fields (a contact, the verification's
     * reference or note, a known notice version) are checked by consent/ConsentService, naming the field.
     */
    public record GuardianConsentRequest(
            @NotBlank @Size(max = 100) String guardianName,
            @NotNull GuardianConsent.Relationship relationship,
            @Email @Size(max = 254) String guardianEmail,
            @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) @Size(max = 32) String guardianPhone,
            @NotNull GuardianConsent.Verification verification,
            @Size(max = 100) String verificationReference,
            @Size(max = 500) String verificationNote,
            Integer noticeVersion,
            @NotNull @Size(max = 3, message = "{juryroom.listSize}") List<GuardianConsent.@NotNull Scope> scopes,
            /** The language of the guardian's mails; null: the language of the page (or request) it is made in. */
            @Pattern(regexp = "en|hi|bn") String language) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public GuardianConsentRequest {
            guardianName = NfcText.name(guardianName); // one that shows nothing is refused as blank
        }
    }

    /** The organiser's mark that the work shows a recognisable child. */
    public record IdentifiableChild(@NotNull Boolean identifiableChild) {
    }
}
