package org.juryroom.web.organiser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log reads as what changed, in words: no JSON, no MIME type, no ISO timestamp. */
class AuditChangesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AuditWords EN = AuditWords.of("en");

    @Test
    void aStatusChangeReadsFromAndTo() throws Exception {
        assertThat(AuditChanges.describe("ENTRY_SUBMITTED", json("{\"status\":\"DRAFT\"}"),
                json("{\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-11-22T10:15:30Z\"}"), EN))
                .containsExactly("Status: Draft → Submitted", "Submitted: 22 Nov 2026, 15:45 IST");
    }

    @Test
    void anEditNamesOnlyWhatChanged() throws Exception {
        assertThat(AuditChanges.describe("ENTRY_UPDATED",
                json("{\"title\":\"Old\",\"categoryCode\":\"poster\",\"participants\":[{\"firstName\":\"Asha\",\"grade\":7}],"
                        + "\"consent\":{\"judging\":true,\"publishWork\":false}}"),
                json("{\"title\":\"New\",\"categoryCode\":\"poster\",\"participants\":[{\"firstName\":\"Asha\",\"grade\":8}],"
                        + "\"consent\":{\"judging\":true,\"publishWork\":true}}"), EN))
                .containsExactly("Title: Old → New",
                        "Children: (first name Asha, grade 7) → (first name Asha, grade 8)",
                        "Consent: (judging yes, publish the work no) → (judging yes, publish the work yes)")
                .noneMatch(l -> l.contains("{") || l.contains("\""));
    }

    @Test
    void filesReadByNameTypeAndSize() throws Exception {
        assertThat(AuditChanges.describe("FILE_ADDED", null,
                json("{\"id\":3,\"name\":\"poster.png\",\"contentType\":\"image/png\",\"size\":2048,\"sha256\":\"ab\"}"), EN))
                .containsExactly("Added poster.png: a PNG image, 2 KB");
        assertThat(AuditChanges.describe("FILE_REMOVED", json("{\"name\":\"old.pdf\",\"contentType\":\"application/pdf\"}"),
                null, EN)).containsExactly("Removed old.pdf");
    }

    @Test
    void nothingRecordedReadsAsNothing() {
        assertThat(AuditChanges.describe("LOGIN_FAILED", null, null, EN)).isEmpty();
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }
}
