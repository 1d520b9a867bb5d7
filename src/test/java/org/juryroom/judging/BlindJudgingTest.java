package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * Jurors judge blind: every response a juror can get, and every file, is searched for the school's
 * name, its district, the children's names, the consent attestation and the upload name.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class BlindJudgingTest {

    @Test
    void nothingAJurorReceivesNamesTheSchoolOrTheChildren() {
        long cid = JudgingFixtures.openCompetition(2);
        String district = JudgingFixtures.unique("Riverbend district");
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(district);
        String child1 = JudgingFixtures.firstName();
        String child2 = JudgingFixtures.firstName();
        String teacher = "Mrs " + JudgingFixtures.firstName();
        // Children write their names, their school's name and their teacher's into the work itself.
        String statement = "We are " + child1 + " and " + child2.toLowerCase() + " from " + school.name()
                + ". " + teacher + " helped us make this poster about " + school.name().toUpperCase() + "'s rules.";
        long eid = JudgingFixtures.draftEntry(cid, school, "Poster by " + child1, statement, List.of(child1, child2),
                true, true);
        JudgingFixtures.submit(school, eid);
        long other = JudgingFixtures.submittedEntry(cid, school, "Second poster", "Stay safe", List.of(child2));
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        long fileId = ORGANISER.as().get("/api/entries/{eid}", eid).jsonPath().getLong("files[0].id");
        // The organiser hides the teacher's name; the school's and children's names are always hidden.
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("terms", List.of(teacher)))
                .put("/api/entries/{eid}/redactions", eid).then().statusCode(200)
                .body("juryView.statement", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(teacher)));

        List<Response> seen = new ArrayList<>();
        var as = juror.login();
        seen.add(as.as().get("/api/competitions"));
        seen.add(as.as().get("/api/competitions/{cid}", cid));
        seen.add(as.as().get("/api/competitions/{cid}/entries", cid));
        seen.add(as.as().queryParam("competition", cid).get("/api/me/assignments"));
        Response entry = as.as().get("/api/entries/{eid}", eid);
        seen.add(entry);
        Response file = as.as().get("/api/entries/{eid}/files/{fid}", eid, fileId);
        seen.add(file);
        seen.add(as.as().get("/api/entries/{eid}/files/{fid}/thumbnail", eid, fileId));
        seen.add(JudgingFixtures.score(juror, eid, 8, 4, "DRAFT"));
        seen.add(as.as().get("/api/entries/{eid}/scorecard", eid));
        JudgingFixtures.submitScore(juror, eid, 8, 4);
        JudgingFixtures.submitScore(juror, other, 5, 2);
        seen.add(as.as().get("/api/entries/{eid}/scorecards", eid));
        seen.add(as.as().get("/api/entries/{eid}", other));

        entry.then().statusCode(200).body("code", org.hamcrest.Matchers.matchesPattern("E-[2-9A-HJ-NP-Z]{5}"))
                .body("title", equalTo("Poster by █████"))
                .body("files[0].name", org.hamcrest.Matchers.startsWith(entry.jsonPath().getString("code")));
        assertThat(entry.jsonPath().getString("statement"))
                .isEqualTo("We are █████ and █████ from █████. █████ helped us make this poster about █████'s rules.");
        assertThat(entry.jsonPath().getMap("$").keySet()).containsExactlyInAnyOrder("id", "code", "competitionId",
                "title", "categoryCode", "statement", "files");
        file.then().statusCode(200).contentType("image/png");

        List<String> secrets = List.of(school.name(), district, child1, child2, teacher, "Class teacher",
                child1 + "_poster", school.login().username());
        for (Response r : seen) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 299);
            String everything = r.getHeaders().toString() + "\n" + new String(r.asByteArray(), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertThat(everything.toLowerCase()).as("a juror response mentions " + secret)
                        .doesNotContain(secret.toLowerCase());
            }
        }

        // The school and the organisers still see the work as it was written.
        school.login().as().get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("statement", equalTo(statement)).body("juryRedactions", equalTo(List.of(teacher)));
        ORGANISER.as().get("/api/entries/{eid}/redactions", eid).then().statusCode(200)
                .body("terms", equalTo(List.of(teacher)));
        ORGANISER.as().queryParam("action", "REDACTIONS_CHANGED").get("/api/competitions/{cid}/audit", cid).then()
                .body("items[0].after.terms", equalTo(List.of(teacher)));
        school.login().as().contentType(ContentType.JSON).body(Map.of("terms", List.of("x")))
                .put("/api/entries/{eid}/redactions", eid).then().statusCode(403);
    }

    @Test
    void redactionMatchesWholeWordsIgnoringCaseLongestFirst() {
        assertThat(org.juryroom.entry.JuryRedaction.apply("Hill View School and hill view; Hillview; Devika's device",
                List.of("Hill View", "Hill View School", "Dev", "devika"))).isEqualTo(
                "█████ and █████; Hillview; █████'s device");
        assertThat(org.juryroom.entry.JuryRedaction.apply("St. Xavier's rocks", List.of("St. Xavier's")))
                .isEqualTo("█████ rocks");
        assertThat(org.juryroom.entry.JuryRedaction.apply(null, List.of("x"))).isNull();
    }
}
