package org.juryroom.entry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a school sends about an entry (the files travel as separate multipart parts). */
public final class EntryRequests {

    private EntryRequests() {
    }

    /** One word of letters: we keep first names only, never a surname. */
    static final String FIRST_NAME = "\\p{L}[\\p{L}\\p{M}'’-]{0,39}";
    static final String FIRST_NAME_MESSAGE = "first name only: one word of letters, no surname";

    public record CreateEntry(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 40) String categoryCode,
            @Size(max = 5000) String statement,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull ParticipantRequest> participants,
            @NotNull @Valid ConsentRequest consent) {
    }

    /** A partial update: fields left out (null) stay as they are. */
    public record UpdateEntry(
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 40) String categoryCode,
            @Size(max = 5000) String statement,
            @Size(min = 1, max = 10) List<@Valid @NotNull ParticipantRequest> participants,
            @Valid ConsentRequest consent) {
    }

    public record ParticipantRequest(
            @NotBlank @Pattern(regexp = FIRST_NAME, message = FIRST_NAME_MESSAGE) String firstName,
            @NotNull @Min(1) @Max(12) Integer grade) {
    }

    /** What the guardians agreed to; attested by the teacher who holds the signed forms. */
    public record ConsentRequest(
            @NotNull Boolean judging,
            @NotNull Boolean publishWork,
            @NotNull Boolean publishNames,
            @Size(max = 200) String attestedBy) {
    }
}
