package org.juryroom.consent;

import org.junit.jupiter.api.Test;
import org.juryroom.common.Problem.Violation;
import org.juryroom.consent.GuardianConsent.Relationship;
import org.juryroom.consent.GuardianConsent.Scope;
import org.juryroom.consent.GuardianConsent.Verification;
import org.juryroom.entry.EntryRequests.ConsentRequest;
import org.juryroom.entry.EntryRequests.GuardianConsentRequest;
import org.juryroom.entry.EntryRequests.ParticipantRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure parts of consent: the notice's hash and the rules across a consent's fields. */
class ConsentRulesTest {

    private static GuardianConsentRequest consent(String email, String phone, Verification v, String ref, String note,
                                                  Integer notice) {
        return new GuardianConsentRequest("Sunita", Relationship.PARENT, email, phone, v, ref, note, notice,
                List.of(Scope.judging), null);
    }

    private static List<String> fields(GuardianConsentRequest c) {
        List<ParticipantRequest> children = List.of(new ParticipantRequest("Riya", 7,
                consent("a@b.example", null, Verification.PAPER_FORM_HELD_BY_SCHOOL, "F1", null, null)),
                new ParticipantRequest("Dev", 7, c));
        return ConsentService.violations(children, null, v -> v == 1).stream().map(Violation::field).toList();
    }

    @Test
    void eachRuleNamesItsFieldByThePositionOfTheChild() {
        assertThat(fields(consent(null, "+91 98300 1", Verification.PAPER_FORM_HELD_BY_SCHOOL, "F2", null, 1)))
                .isEmpty();
        assertThat(fields(consent(null, null, Verification.PAPER_FORM_HELD_BY_SCHOOL, "F2", null, null)))
                .containsExactly("participants[1].consent.guardianPhone");
        assertThat(fields(consent("a@b.example", null, Verification.PAPER_FORM_HELD_BY_SCHOOL, " ", null, null)))
                .containsExactly("participants[1].consent.verificationReference");
        assertThat(fields(consent("a@b.example", null, Verification.OTHER, "F2", null, null)))
                .containsExactly("participants[1].consent.verificationNote");
        assertThat(fields(consent("a@b.example", null, Verification.OTHER, null, "phoned the mother", null))).isEmpty();
        assertThat(fields(consent("a@b.example", null, Verification.GUARDIAN_EMAIL_CONFIRMED, null, null, null)))
                .isEmpty();
        assertThat(fields(consent(null, "+91 98300 1", Verification.GUARDIAN_EMAIL_CONFIRMED, null, null, null)))
                .containsExactly("participants[1].consent.guardianEmail");
        assertThat(fields(consent("a@b.example", null, Verification.PAPER_FORM_HELD_BY_SCHOOL, "F2", null, 2)))
                .containsExactly("participants[1].consent.noticeVersion");
        assertThat(fields(null)).isEmpty();
    }

    @Test
    void theLegacyFormNeedsItsThreeChoicesTogether() {
        List<ParticipantRequest> child = List.of(new ParticipantRequest("Riya", 7));
        assertThat(ConsentService.violations(child, new ConsentRequest(true, null, false, "T"), v -> true))
                .extracting(Violation::field).containsExactly("consent.publishWork");
        assertThat(ConsentService.violations(child, new ConsentRequest(null, null, null, "T"), v -> true)).isEmpty();
        assertThat(ConsentService.violations(child, new ConsentRequest(true, true, false, null), v -> true)).isEmpty();
    }

    @Test
    void theNoticeHashDependsOnTheTextsNotOnTheirOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("en", "Notice");
        a.put("hi", "सूचना");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("hi", "सूचना");
        b.put("en", "Notice");
        assertThat(ConsentNotices.sha256(a)).isEqualTo(ConsentNotices.sha256(b)).hasSize(64);
        assertThat(ConsentNotices.sha256(Map.of("en", "Notice."))).isNotEqualTo(ConsentNotices.sha256(Map.of("en",
                "Notice")));
        // The separator keeps "en"+"xNotice" apart from "enx"+"Notice".
        assertThat(ConsentNotices.sha256(Map.of("en", "xNotice"))).isNotEqualTo(ConsentNotices.sha256(Map.of("enx",
                "Notice")));
        assertThat(ConsentNotices.title(ConsentNotices.compose("Title", "Body\n\nmore"))).isEqualTo("Title");
        assertThat(ConsentNotices.body(ConsentNotices.compose("Title", "Body\n\nmore"))).isEqualTo("Body\n\nmore");
    }
}
