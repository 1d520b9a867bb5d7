package org.juryroom.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditScrubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void personalFieldsAndTextsHoldingPersonalValuesBecomeErasedTheRestStays() throws Exception {
        AuditScrub scrub = new AuditScrub(Arrays.asList("Riya", "Al", null, " ", "Ms Sen"));
        JsonNode after = scrub.scrub(json("""
                {"code":"K7P2QX","status":"DRAFT","title":"Riya's poster","statement":null,
                 "participants":[{"firstName":"Riya","grade":7}],
                 "consent":{"judging":true,"attestedBy":"Ms Sen"},
                 "guardian":{"contact":"riya.mother@example.org"},"files":["Al"],"note":"Al was here"}"""));
        assertThat(after.toString()).isEqualTo("{\"code\":\"K7P2QX\",\"status\":\"DRAFT\",\"title\":\"erased\","
                + "\"statement\":null,\"participants\":\"erased\",\"consent\":{\"judging\":true,"
                + "\"attestedBy\":\"erased\"},\"guardian\":{\"contact\":\"erased\"},\"files\":[\"erased\"],"
                + "\"note\":\"erased\"}");
        // A short value is erased where it is a whole value, never as part of other words.
        assertThat(scrub.personal("Also fine")).isFalse();
        assertThat(scrub.personal("al")).isTrue();
    }

    @Test
    void aNameInsideAnotherWordIsNotPersonalSoTheTrailKeepsItsFacts() throws Exception {
        AuditScrub scrub = new AuditScrub(List.of("Nam", "Mit", "Ana"));
        assertThat(scrub.scrub(json("{\"scopes\":[\"judging\",\"publishName\"],\"status\":\"SUBMITTED\","
                + "\"verification\":\"PAPER_FORM_HELD_BY_SCHOOL\",\"via\":\"GUARDIAN_LINK\"}"))).isNull();
        assertThat(scrub.personal("Banana bread")).isFalse();
        assertThat(scrub.personal("made by Nam and friends")).isTrue();
        assertThat(scrub.personal("Mit's poster")).isTrue();
    }

    @Test
    void nothingPersonalMeansNoRewrite() throws Exception {
        AuditScrub scrub = new AuditScrub(List.of("Riya"));
        assertThat(scrub.scrub(json("{\"status\":\"SUBMITTED\",\"title\":\"erased\",\"statement\":null}")))
                .isNull();
        assertThat(scrub.scrub(null)).isNull();
        assertThat(scrub.scrub(json("null"))).isNull();
    }

    @Test
    void bengaliAndHindiNamesAreFoundWithTheirSuffixesAndInAnyNormalForm() {
        AuditScrub scrub = new AuditScrub(List.of("অনন্যা", "প্রিয়া", "प्रिया"));
        assertThat(scrub.personal("অনন্যার পোস্টার")).isTrue();
        assertThat(scrub.personal("ছবিটা অনন্যাকে দাও")).isTrue();
        assertThat(scrub.personal(java.text.Normalizer.normalize("প্রিয়ার ছবি", java.text.Normalizer.Form.NFD))).isTrue();
        assertThat(scrub.personal("प्रियाने लिखा")).isTrue();
        assertThat(scrub.personal(java.text.Normalizer.normalize("প্রিয়া", java.text.Normalizer.Form.NFD))).isTrue();
        assertThat(scrub.personal("সমিত এসেছে")).isFalse();
    }
}
