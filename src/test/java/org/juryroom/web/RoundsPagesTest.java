package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.World;
import org.juryroom.judging.JudgingProfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The organiser's rounds page on the real stack: a competition taken from SCREENING to RUBRIC on the
 * page alone (edit, preview, each of the three remedies, close, the freeze), refusals shown on the
 * page in the reader's language, and the round history in the page and the exports.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class RoundsPagesTest {

    private static JsonPath rounds(long cid) {
        return ORGANISER.as().get("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract().jsonPath();
    }

    private static Response vote(JurorAccount j, long eid, String vote) {
        return j.login().as().contentType(ContentType.JSON).body(Map.of("vote", vote))
                .put("/api/entries/{eid}/screening", eid);
    }

    /**
     * A count of one is said in the singular, in English and in Hindi; before, the page read "1 entries
     * advance, 1 do not", "at least 1 yes votes; 1 jurors per entry" and "1 प्रविष्टियाँ आगे बढ़ेंगी".
     */
    @Test
    void countsOfOneReadInTheSingularInEnglishAndHindi() {
        World w = JudgingFixtures.world(2, 1, 2, 1);
        long cid = w.cid();
        String page = "/organiser/competitions/" + cid + "/rounds";
        long rubric = rounds(cid).getLong("[0].id");
        long screening = ORGANISER.as().contentType(ContentType.JSON).body(List.of(
                        Map.of("kind", "SCREENING", "name", "First look", "jurorsPerEntry", 1, "quorum", 1),
                        Map.of("id", rubric, "kind", "RUBRIC", "name", "Rubric")))
                .put("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract().jsonPath().getLong("[0].id");
        JudgingFixtures.assign(cid, 1, 3).then().statusCode(201);
        // Each juror has one entry; the second goes missing and their one piece of work moves to the first.
        JurorAccount stays = w.juror(0);
        JurorAccount gone = w.juror(1);
        assertThat(JudgingFixtures.queue(stays, cid)).hasSize(1);
        long first = JudgingFixtures.queue(stays, cid).get(0);
        long second = w.entries().stream().filter(e -> e != first).findFirst().orElseThrow();
        vote(stays, first, "YES").then().statusCode(200);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("fromJurorId", gone.id(), "reason", "unreachable"))
                .post("/api/competitions/{cid}/rounds/{rid}/reassign", cid, screening).then().statusCode(200)
                .body("moved", org.hamcrest.Matchers.equalTo(1));
        vote(stays, second, "NO").then().statusCode(200);
        WebSession web = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        assertThat(web.get(page).asString())
                .contains("An entry advances with at least 1 yes vote; 1 juror per entry.")
                .contains("1 entry advances, 1 does not; 2 are on the boundary.")
                .contains("Juror " + gone.name() + ": 1 unfinished entry moved to other jurors: unreachable");
        web.post(page, "/language", Map.of("language", "hi", "back", page));
        try {
            assertThat(web.get(page).asString()).contains("1 प्रविष्टि आगे बढ़ेगी, 1 नहीं; 2 सीमा पर हैं।")
                    .contains(": 1 अधूरी प्रविष्टि दूसरे निर्णायकों को सौंपी गई: unreachable")
                    .doesNotContain("1 प्रविष्टियाँ").doesNotContain("1 अधूरी प्रविष्टियाँ");
        } finally {
            web.post(page, "/language", Map.of("language", "en", "back", page));
        }
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of())
                .post("/api/competitions/{cid}/rounds/{rid}/close", cid, screening).then().statusCode(200);
        assertThat(web.get(page).asString()).contains("1 entry advanced, 1 did not.");
    }

    /** A round with nothing assigned yet reads as not started (before: "0 of 0 done", styled as finished). */
    @Test
    void aRoundWithNothingAssignedReadsAsNotStarted() {
        long cid = JudgingFixtures.openCompetition(2);
        String page = "/organiser/competitions/" + cid + "/rounds";
        WebSession web = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        assertThat(web.get(page).asString()).contains("data-progress=\"not-started\">Not started: nothing assigned yet")
                .doesNotContain("0 of 0 done").doesNotContain("class=\"done\"");
        web.post(page, "/language", Map.of("language", "hi", "back", page));
        try {
            assertThat(web.get(page).asString()).contains("शुरू नहीं हुआ: अभी कुछ भी आवंटित नहीं");
        } finally {
            web.post(page, "/language", Map.of("language", "en", "back", page));
        }
    }

    /** A closing time already past is refused next to its field, in words (before: saved as given). */
    @Test
    void aClosingTimeAlreadyPastIsRefusedNextToItsField() {
        long cid = JudgingFixtures.openCompetition(2);
        String page = "/organiser/competitions/" + cid + "/rounds";
        long rubric = rounds(cid).getLong("[0].id");
        Map<String, Object> form = new HashMap<>();
        form.put("round.0.id", rubric);
        form.put("round.0.order", "1");
        form.put("round.0.kind", "RUBRIC");
        form.put("round.0.name", "Rubric");
        form.put("round.0.closesAt", "2001-01-01T10:00");
        WebSession web = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        Response refused = web.post(page, page, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"r0-closesAt-error\">Give a closing time that has not passed yet.");
        assertThat(rounds(cid).getString("[0].closesAt")).isNull();
    }

    @Test
    void aCompetitionGoesFromScreeningToTheShortlistOnThePage() throws Exception {
        World w = JudgingFixtures.world(3, 2, 3, 2);
        long cid = w.cid();
        String page = "/organiser/competitions/" + cid + "/rounds";
        WebSession web = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        long rubric = rounds(cid).getLong("[0].id");

        // The dashboard and the ranking page lead here.
        assertThat(web.get("/organiser/competitions/" + cid).asString()).contains("href=\"" + page + "\"");
        assertThat(web.get("/organiser/competitions/" + cid + "/ranking").asString()).contains("href=\"" + page + "\"");
        String first = web.get(page).asString();
        assertThat(first).contains("1. Rubric").contains("Rubric scoring").contains("Change the rounds");

        // Refused edits: each message next to its field, in words, and nothing is changed.
        Map<String, Object> form = new HashMap<>();
        form.put("round.0.id", rubric);
        form.put("round.0.order", "2");
        form.put("round.0.kind", "RUBRIC");
        form.put("round.0.name", "Rubric");
        form.put("round.1.order", "1");
        form.put("round.1.kind", "SCREENING");
        form.put("round.1.name", "First look");
        form.put("round.1.k", "2");
        form.put("round.1.quorum", "3");
        Response refused = web.post(page, page, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"r1-quorum-error\">Give either the yes votes needed")
                .doesNotContain("jurorsPerEntry").doesNotContain("SCREENING rounds");
        form.put("round.1.quorum", "one");
        assertThat(web.post(page, page, form).asString()).contains("id=\"r1-quorum-error\">Give a whole number.");
        form.put("round.1.quorum", "3");
        web.post(page, "/language", Map.of("language", "hi", "back", page));
        try {
            String hindi = web.post(page, page, form).asString();
            assertThat(hindi).contains("id=\"r1-quorum-error\">या तो ज़रूरी ").doesNotContain("jurorsPerEntry");
        } finally {
            web.post(page, "/language", Map.of("language", "en", "back", page));
        }
        assertThat(rounds(cid).getList("kind")).containsExactly("RUBRIC");

        // A screening round before the rubric round and a final after it; then the final removed again.
        form.put("round.1.quorum", "1");
        form.put("round.1.closesAt", "2031-03-01T17:30");
        Map<String, Object> withFinal = new HashMap<>(form);
        withFinal.put("round.0.order", "3");
        withFinal.put("round.2.order", "9");
        withFinal.put("round.2.kind", "FINAL");
        withFinal.put("round.2.name", "Commission");
        withFinal.put("round.2.places", "1");
        withFinal.put("round.2.k", "4"); // a final takes no jurors per entry: the form leaves it out
        Response saved = web.post(page, page, withFinal);
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        JsonPath three = rounds(cid);
        assertThat(three.getList("kind")).containsExactly("SCREENING", "RUBRIC", "FINAL");
        assertThat(three.getString("[0].closesAt")).isEqualTo("2031-03-01T12:00:00Z"); // India, +05:30
        long screening = three.getLong("[0].id");
        long fin = three.getLong("[2].id");
        String listed = web.get(page).asString();
        assertThat(listed).contains("An entry advances with at least 1 yes vote; 2 jurors per entry.")
                .contains("<time datetime=\"2031-03-01T12:00:00Z\"")
                .contains("href=\"/organiser/competitions/" + cid + "/rounds/" + fin + "/final\"");
        Map<String, Object> removeFinal = new HashMap<>();
        removeFinal.put("round.0.id", screening);
        removeFinal.put("round.0.order", "1");
        removeFinal.put("round.0.kind", "SCREENING");
        removeFinal.put("round.0.name", "First look");
        removeFinal.put("round.0.k", "2");
        removeFinal.put("round.0.quorum", "1");
        removeFinal.put("round.1.id", rubric);
        removeFinal.put("round.1.order", "2");
        removeFinal.put("round.1.kind", "RUBRIC");
        removeFinal.put("round.1.name", "Rubric");
        removeFinal.put("round.2.id", fin);
        removeFinal.put("round.2.order", "3");
        removeFinal.put("round.2.kind", "FINAL");
        removeFinal.put("round.2.name", "Commission");
        removeFinal.put("round.2.places", "1");
        removeFinal.put("round.2.remove", "on");
        assertThat(web.post(page, page, removeFinal).statusCode()).isEqualTo(303);
        assertThat(rounds(cid).getList("kind")).containsExactly("SCREENING", "RUBRIC");
        assertThat(rounds(cid).getString("[0].closesAt")).isNull(); // as posted: the time was left blank

        // Screening opens; juror 2 goes missing; jurors 0 and 1 vote YES on even entries, NO on odd ones.
        JudgingFixtures.assign(cid, 2, 21).then().statusCode(201);
        JurorAccount gone = w.juror(2);
        String open = web.get(page).asString();
        assertThat(open).contains("current round").contains("0 of 12 done").contains(gone.name())
                .contains("If you close the round now");
        Response notYet = web.post(page, page + "/" + screening + "/close", Map.of());
        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(notYet.asString()).contains("id=\"refusal-" + screening + "\"")
                .contains("The round was not closed: 12 pieces of assigned work are still missing.");

        // Remedy one, on the page: juror 2's unfinished work goes to the two others.
        Response moved = web.post(page, page + "/" + screening + "/reassign",
                Map.of("fromJurorId", String.valueOf(gone.id()), "reason", "juror unreachable"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.header("Location")).contains("reassigned=");
        assertThat(JudgingFixtures.queue(gone, cid)).isEmpty();
        JurorAccount zero = w.juror(0);
        JurorAccount one = w.juror(1);
        List<Long> zeroQueue = JudgingFixtures.queue(zero, cid);
        List<Long> oneQueue = JudgingFixtures.queue(one, cid);
        assertThat(zeroQueue).containsExactlyInAnyOrderElementsOf(w.entries());
        assertThat(oneQueue).containsExactlyInAnyOrderElementsOf(w.entries());
        long skippedByZero = w.entry(1); // odd: NO from juror 1 only, does not advance
        long skippedByOne = w.entry(2); // even: YES from juror 0 only, advances
        for (long eid : w.entries()) {
            String v = w.entries().indexOf(eid) % 2 == 0 ? "YES" : "NO";
            if (eid != skippedByZero) {
                vote(zero, eid, v).then().statusCode(200);
            }
            if (eid != skippedByOne) {
                vote(one, eid, v).then().statusCode(200);
            }
        }
        String before = web.get(page).asString();
        assertThat(before).contains("3 entries advance, 3 do not").contains("10 of 12 done")
                .contains("name=\"acceptFewer\" value=\"" + skippedByZero + "\"");

        // Remedies two and three with the close: a reason is required.
        Map<String, Object> close = new HashMap<>();
        close.put("excuse", List.of(String.valueOf(one.id())));
        close.put("acceptFewer", List.of(String.valueOf(skippedByZero)));
        Response noReason = web.post(page, page + "/" + screening + "/close", close);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.asString()).contains("id=\"refusal-" + screening + "\"").contains("say why");
        close.put("reason", "juror ill; entry seen by one juror");
        Response closed = web.post(page, page + "/" + screening + "/close", close);
        assertThat(closed.statusCode()).isEqualTo(303);
        List<Long> even = List.of(w.entry(0), w.entry(2), w.entry(4));
        assertThat(ORGANISER.as().get("/api/competitions/{cid}/rounds/{rid}/close-preview", cid, screening).then()
                .statusCode(200).extract().jsonPath().getList("advancing", Long.class)).isEqualTo(even);

        // The closed round's history: counts, votes per entry, each remedy with its reason, who closed it.
        String history = web.get(page + "?closed").asString();
        assertThat(history).contains("The round is closed.").contains("3 entries advanced, 3 did not.")
                .contains("Juror " + one.name() + " excused: juror ill; entry seen by one juror")
                .contains("judged by fewer jurors: juror ill; entry seen by one juror")
                .contains("Juror " + gone.name() + ": ").contains("juror unreachable")
                .contains("Closed ").contains(" by organiser").contains("Work 0.0").contains("screening-votes.csv");

        // The screening votes export: every entry with its votes and whether it advanced, headers in the language.
        Response csv = web.get("/organiser/competitions/" + cid + "/exports/screening-votes.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Round,Code,Title,School,Yes,No,Abstain,Advanced");
        assertThat(lines).hasSize(7);
        List<String> rows = new ArrayList<>(lines.subList(1, 7));
        assertThat(rows).allMatch(l -> l.startsWith("1. First look,"));
        assertThat(rows).filteredOn(l -> l.contains(",Work 0.0,")).singleElement().asString().endsWith(",2,0,0,yes");
        assertThat(rows).filteredOn(l -> l.contains(",Work 0.1,")).singleElement().asString().endsWith(",0,1,0,no");
        assertThat(rows).filteredOn(l -> l.contains(",Work 1.0,")).singleElement().asString().endsWith(",1,0,0,yes");
        String hindiCsv = new String(web.get("/organiser/competitions/" + cid
                + "/exports/screening-votes.csv?lang=hi").asByteArray(), StandardCharsets.UTF_8);
        assertThat(hindiCsv).contains("चरण,").contains(",हाँ,नहीं,");

        // The rubric round judges exactly the advancing entries; it closes (the freeze) on the page.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("rankingMethod", "Z_SCORE",
                "disagreementMaxSpread", 100)).put("/api/competitions/{cid}/ranking-settings", cid).then()
                .statusCode(200);
        JudgingFixtures.assign(cid, 2, 22).then().statusCode(201);
        for (JurorAccount j : w.jurors()) {
            for (long eid : JudgingFixtures.queue(j, cid)) {
                assertThat(even).contains(eid);
                JudgingFixtures.submitScore(j, eid, 5 + (int) (eid % 4), 3);
            }
        }
        String rubricOpen = web.get(page).asString();
        assertThat(rubricOpen).contains("6 of 6 done").contains("No assigned work is missing.")
                .contains("freezes and seals the shortlist");
        Response frozen = web.post(page, page + "/" + rubric + "/close", Map.of());
        assertThat(frozen.statusCode()).as(frozen.asString()).isEqualTo(303);
        assertThat(rounds(cid).getList("status")).containsExactly("CLOSED", "CLOSED");
        String after = web.get(page).asString();
        assertThat(after).contains("The shortlist is frozen: the rounds can no longer be changed.")
                .contains("2 entries advanced, 1 did not.").doesNotContain("round.0.kind");

        // The PDFs carry a "Rounds" section: each round, its rule, counts and remedies (no juror names).
        for (String pdf : List.of("ranking.pdf", "shortlist.pdf")) {
            Response r = web.get("/organiser/competitions/" + cid + "/exports/" + pdf);
            assertThat(r.statusCode()).as(pdf).isEqualTo(200);
            String text;
            try (PDDocument doc = Loader.loadPDF(r.asByteArray())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            assertThat(text).as(pdf).contains("Rounds")
                    .contains("1. First look, Screening (yes / no): An entry advances with at least 1 yes vote")
                    .contains("3 entries advanced, 3 did not.")
                    .contains("2. Rubric, Rubric scoring")
                    .contains("2 entries advanced, 1 did not.")
                    .contains("A juror's missing work was excused: juror ill; entry seen by one juror")
                    .contains("was judged by fewer jurors")
                    .contains("moved to other jurors: juror unreachable")
                    .doesNotContain(one.name()).doesNotContain(gone.name());
        }
    }

    /** A held entry (a safeguarding concern) is named neither by the rounds page nor by the screening votes export. */
    @Test
    void aHeldEntryIsLeftOutOfTheRoundsPageAndTheScreeningVotes() {
        World w = JudgingFixtures.world(1, 3, 1, 2);
        long cid = w.cid();
        long rubric = rounds(cid).getLong("[0].id");
        ORGANISER.as().contentType(ContentType.JSON).body(List.of(
                        Map.of("kind", "SCREENING", "name", "First look", "jurorsPerEntry", 1, "quorum", 1),
                        Map.of("id", rubric, "kind", "RUBRIC", "name", "Rubric")))
                .put("/api/competitions/{cid}/rounds", cid).then().statusCode(200);
        JudgingFixtures.assign(cid, 1, 5).then().statusCode(201);
        for (long eid : w.entries()) {
            vote(w.juror(0), eid, "YES").then().statusCode(200);
        }
        WebSession web = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        String page = "/organiser/competitions/" + cid + "/rounds";
        String csvUrl = "/organiser/competitions/" + cid + "/exports/screening-votes.csv";
        assertThat(web.get(page).asString()).contains("Work 0.0").contains("Work 0.1");
        assertThat(web.get(csvUrl).asString()).contains(",Work 0.1,");

        long held = w.entry(1);
        Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL", "note", "The statement names a real child."))
                .post("/api/entries/" + held + "/concerns").then().statusCode(201);

        assertThat(web.get(page).asString()).contains("Work 0.0").contains("Work 0.2").doesNotContain("Work 0.1");
        Response csv = web.get(csvUrl);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.asString()).contains(",Work 0.0,").contains(",Work 0.2,").doesNotContain("Work 0.1");
    }
}
