package org.juryroom.safeguarding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * What a concern and a lead's step take (docs/safeguarding.md, docs/api.md): a text that shows nothing is
 * refused on its field like an empty one, with nothing written; the texts are kept in NFC; "no further action"
 * says why; the desk names file types in words.
 */
@QuarkusTest
class ConcernHostileInputTest {

    /** Zero-width space, word joiner, a space and a zero-width no-break space: nothing a reader can see. */
    private static final String INVISIBLE = "\u200B\u2060 \uFEFF";

    @Test
    void aConcernWhoseNoteShowsNothingIsRefusedOnTheNoteAndHoldsNothing() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Invisible", 3, "Glass School", "Clear poster", "Mina");
        SafeguardingTest.Lead lead = SafeguardingTest.lead();
        Map<String, Object> body = SafeguardingTest.concern("OTHER", "NORMAL");
        body.put("note", INVISIBLE);
        p.juror().api().contentType(ContentType.JSON).body(body).post("/api/entries/" + p.entryId() + "/concerns")
                .then().statusCode(422).body("violations.field", hasItem("note"));
        // Nothing was raised: the entry is not held and the lead has no concern about it.
        p.juror().api().get("/api/entries/" + p.entryId()).then().statusCode(200);
        lead.api().queryParam("status", "ALL").get("/api/safeguarding/concerns").then().statusCode(200)
                .body("findAll { it.entryId == " + p.entryId() + " }", empty());

        // A note typed decomposed is kept composed; an excerpt that shows nothing is no excerpt.
        body.put("note", "Cafe\u0301 chat group named in the caption.");
        body.put("excerpt", INVISIBLE);
        // The receipt thanks in the reader's language, as the page does (it was English to every reader).
        long id = p.juror().api().header("Accept-Language", "bn").contentType(ContentType.JSON).body(body)
                .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201)
                .body("message", org.hamcrest.Matchers.startsWith("ধন্যবাদ। এটি এখন শিশু সুরক্ষা প্রধানের কাছে"))
                .extract().jsonPath().getLong("id");
        lead.api().get("/api/safeguarding/concerns/" + id).then().statusCode(200)
                .body("note", equalTo("Caf\u00e9 chat group named in the caption.")).body("excerpt", nullValue());
    }

    @Test
    void aStepNeedsWhatItSaysInTextThatShowsAndNoFurtherActionSaysWhy() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Steps", 3, "Step School", "Steps poster", "Rani");
        SafeguardingTest.Lead lead = SafeguardingTest.lead();
        long id = p.juror().api().contentType(ContentType.JSON).body(SafeguardingTest.concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        String url = "/api/safeguarding/concerns/" + id + "/actions";

        Map<String, Object> report = new HashMap<>();
        report.put("action", "REPORTED");
        report.put("reportedTo", INVISIBLE);
        report.put("reportedAt", "2026-01-01T09:00:00Z");
        lead.api().contentType(ContentType.JSON).body(report).post(url).then().statusCode(422)
                .body("violations.field", hasItem("reportedTo"));
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "NO_FURTHER_ACTION")).post(url).then()
                .statusCode(422).body("violations.field", hasItem("note"))
                .body("violations.message", hasItem("Say why no report is needed"));
        lead.api().contentType(ContentType.JSON).body(Map.of("action", "NO_FURTHER_ACTION", "note", INVISIBLE))
                .post(url).then().statusCode(422).body("violations.field", hasItem("note"));
        lead.api().header("Accept-Language", "hi").contentType(ContentType.JSON)
                .body(Map.of("action", "NO_FURTHER_ACTION")).post(url).then().statusCode(422)
                .body("violations.message", hasItem("बताएँ कि सूचना देने की ज़रूरत क्यों नहीं है"));
        // A report cannot predate the concern it reports: year 1, or the day before it was raised, is a slip.
        java.time.Instant raised = java.time.Instant.parse(lead.api().get("/api/safeguarding/concerns/" + id)
                .then().statusCode(200).extract().jsonPath().getString("raisedAt"));
        for (String early : java.util.List.of("0001-01-01T00:00:00Z", raised.minus(1, java.time.temporal.ChronoUnit.DAYS).toString())) {
            Map<String, Object> slip = Map.of("action", "REPORTED", "reportedTo", "SJPU Kolkata", "reportedAt", early);
            lead.api().contentType(ContentType.JSON).body(slip).post(url).then().statusCode(422)
                    .body("violations.field", hasItem("reportedAt"))
                    .body("violations.message", hasItem(org.hamcrest.Matchers.startsWith(
                            "Say when it was reported: not before the concern was raised (")));
        }
        Map<String, Object> yearOne = Map.of("action", "REPORTED", "reportedTo", "SJPU Kolkata", "reportedAt", "0001-01-01T00:00:00Z");
        lead.api().header("Accept-Language", "hi").contentType(ContentType.JSON).body(yearOne).post(url).then()
                .statusCode(422).body("violations.field", hasItem("reportedAt"))
                .body("violations.message", hasItem(org.hamcrest.Matchers.startsWith("बताएँ कि सूचना कब दी गई: चिंता दर्ज होने (")));
        lead.api().header("Accept-Language", "bn").contentType(ContentType.JSON).body(yearOne).post(url).then()
                .statusCode(422).body("violations.field", hasItem("reportedAt"))
                .body("violations.message", hasItem(org.hamcrest.Matchers.startsWith("কখন জানানো হয়েছে তা লিখুন: উদ্বেগ জানানোর (")));
        // None of the refused steps was written, nor started the triage clock.
        lead.api().get("/api/safeguarding/concerns/" + id).then().statusCode(200)
                .body("history", empty()).body("triagedAt", nullValue());

        // On the desk the refusal stands at the note.
        WebSession desk = WebSession.signIn(lead.username(), lead.password());
        Response refused = desk.post("/safeguarding/concerns/" + id, "/safeguarding/concerns/" + id + "/actions",
                Map.of("action", "NO_FURTHER_ACTION"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Say why no report is needed").contains("id=\"note-error\"");

        JsonPath done = lead.api().contentType(ContentType.JSON)
                .body(Map.of("action", "NO_FURTHER_ACTION", "note", "A story the class wrote together; no child named."))
                .post(url).then().statusCode(200).extract().jsonPath();
        assertThat(done.getList("history.action", String.class)).containsExactly("NO_FURTHER_ACTION");
    }

    @Test
    void theDeskNamesFileTypesInWordsAndAStepSentAfterAnotherLeadClosedTheConcernIsGivenBack() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Two leads", 3, "Twin School", "Twin poster", "Lata");
        SafeguardingTest.Lead first = SafeguardingTest.lead();
        SafeguardingTest.Lead second = SafeguardingTest.lead();
        long id = p.juror().api().contentType(ContentType.JSON).body(SafeguardingTest.concern("DISCLOSURE", "NORMAL"))
                .post("/api/entries/" + p.entryId() + "/concerns").then().statusCode(201).extract().jsonPath().getLong("id");
        WebSession desk = WebSession.signIn(second.username(), second.password());
        String concernPage = desk.get("/safeguarding/concerns/" + id).asString();
        assertThat(concernPage).contains("JPEG ·").doesNotContain("image/jpeg");

        // The first lead releases the entry while the second, on the page loaded before, records a report.
        first.api().contentType(ContentType.JSON).body(Map.of("action", "RELEASED", "note", "Fiction."))
                .post("/api/safeguarding/concerns/" + id + "/actions").then().statusCode(200);
        Response late = desk.post("/safeguarding/concerns/" + id, "/safeguarding/concerns/" + id + "/actions",
                Map.of("action", "REPORTED", "reportedTo", "SJPU Kolkata", "reportReference", "SJPU/2026/0417",
                        "reportedAt", "2026-12-01T10:00", "note", "Called the unit at 10:00."));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.asString()).contains("role=\"alert\"").contains("is closed; raise a new concern if needed")
                .contains("This was not recorded").contains("SJPU/2026/0417").contains("SJPU Kolkata")
                .contains("Called the unit at 10:00.");
        assertThat(desk.post("/safeguarding", "/language", Map.of("language", "hi", "back", "/safeguarding"))
                .statusCode()).isEqualTo(303);
        Response lateHi = desk.post("/safeguarding/concerns/" + id, "/safeguarding/concerns/" + id + "/actions",
                Map.of("action", "TRIAGED", "note", "Read at 11:00."));
        assertThat(lateHi.statusCode()).isEqualTo(409);
        assertThat(lateHi.asString()).contains("बंद हो चुकी है").contains("यह दर्ज नहीं हुआ").contains("Read at 11:00.");
        first.api().get("/api/safeguarding/concerns/" + id).then().body("history.action", equalTo(java.util.List.of("RELEASED")));
    }
}
