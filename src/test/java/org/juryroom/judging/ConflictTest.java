package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

@QuarkusTest
@TestProfile(JudgingProfile.class)
class ConflictTest {

    private static long jurorCountInRanking(long cid, long eid) {
        JsonPath ranking = JudgingFixtures.json(ORGANISER.as().queryParam("size", 1000)
                .get("/api/competitions/{cid}/ranking", cid));
        Integer n = ranking.get("rows.find { it.entryId == " + eid + " }.jurorCount");
        return n == null ? 0 : n;
    }

    @Test
    void conflictDeclaredDuringJudgingHidesTheEntryDropsTheScoreAndReassigns() {
        JudgingFixtures.World w = JudgingFixtures.world(2, 1, 3, 1);
        JudgingFixtures.assign(w.cid(), 2, 3).then().statusCode(201);
        long eA = w.entry(0);
        JudgingFixtures.SchoolAccount schoolA = w.school(0);
        JudgingFixtures.JurorAccount j = w.jurors().stream()
                .filter(x -> JudgingFixtures.queue(x, w.cid()).contains(eA)).findFirst().orElseThrow();
        JudgingFixtures.JurorAccount spare = w.jurors().stream()
                .filter(x -> !JudgingFixtures.queue(x, w.cid()).contains(eA)).findFirst().orElseThrow();
        JudgingFixtures.submitScore(j, eA, 9, 5);
        assertThat(jurorCountInRanking(w.cid(), eA)).isEqualTo(1);
        int queueBefore = JudgingFixtures.queue(j, w.cid()).size();
        long listedBefore = j.login().as().get("/api/competitions/{cid}/entries", w.cid()).jsonPath().getLong("total");

        j.login().as().contentType(ContentType.JSON)
                .body(Map.of("schoolId", schoolA.id(), "reason", "My niece studies there"))
                .post("/api/me/conflicts").then().statusCode(201)
                .body("schoolName", equalTo(schoolA.name())).body("reason", equalTo("My niece studies there"));
        // Declaring it again changes nothing.
        j.login().as().contentType(ContentType.JSON).body(Map.of("schoolId", schoolA.id()))
                .post("/api/me/conflicts").then().statusCode(200);

        // On the very next request the entry does not exist for the juror.
        j.login().as().get("/api/entries/{eid}", eA).then().statusCode(404);
        j.login().as().get("/api/entries/{eid}/scorecard", eA).then().statusCode(404);
        JudgingFixtures.score(j, eA, 1, 0, "SUBMITTED").then().statusCode(404);
        j.login().as().get("/api/entries/{eid}/scorecards", eA).then().statusCode(404);
        assertThat(JudgingFixtures.queue(j, w.cid())).doesNotContain(eA).hasSize(queueBefore - 1);
        j.login().as().queryParam("competition", w.cid()).get("/api/me/assignments").then()
                .body("total", equalTo(queueBefore - 1));
        j.login().as().get("/api/competitions/{cid}/entries", w.cid()).then().statusCode(200)
                .body("items.id", not(hasItem((int) eA))).body("total", equalTo((int) listedBefore - 1));

        // The scorecard no longer counts, and the entry is back to two counted jurors.
        assertThat(jurorCountInRanking(w.cid(), eA)).isZero();
        ORGANISER.as().get("/api/entries/{eid}/scorecards", eA).then().statusCode(200)
                .body("all.find { it.jurorId == " + j.id() + " }.counted", equalTo(false));
        assertThat(JudgingFixtures.queue(spare, w.cid())).contains(eA);
        ORGANISER.as().queryParam("action", "JURORS_REASSIGNED").get("/api/competitions/{cid}/audit", w.cid())
                .then().statusCode(200).body("items[0].after.added.entryId", hasItem((int) eA));
    }

    @Test
    void jurorsPickSchoolsByDistrictWithoutLearningWhichEntriesAreTheirs() {
        JudgingFixtures.World w = JudgingFixtures.world(2, 1, 1, 1);
        String district = w.school(0).district();
        var schools = w.juror(0).login().as().queryParam("district", district).get("/api/me/conflicts/schools");
        schools.then().statusCode(200).body("items.name", org.hamcrest.Matchers.containsInAnyOrder(
                w.school(0).name(), w.school(1).name())).body("total", equalTo(2));
        Map<String, Object> first = schools.jsonPath().getMap("items[0]");
        assertThat(first.keySet()).containsExactlyInAnyOrder("id", "name", "district");
        // The whole directory is sorted by district then name, paged.
        w.juror(0).login().as().queryParam("size", 5).get("/api/me/conflicts/schools").then().statusCode(200)
                .body("size", equalTo(5));
        // Schools never get the directory.
        w.school(0).login().as().get("/api/me/conflicts/schools").then().statusCode(403);

        w.juror(0).login().as().contentType(ContentType.JSON).body(Map.of("schoolId", w.school(1).id()))
                .post("/api/me/conflicts").then().statusCode(201);
        w.juror(0).login().as().get("/api/me/conflicts").then().statusCode(200)
                .body("items.schoolName", equalTo(List.of(w.school(1).name())));
        w.juror(0).login().as().contentType(ContentType.JSON).body(Map.of("schoolId", 999_999_999))
                .post("/api/me/conflicts").then().statusCode(422);
    }

    @Test
    void organisersAddAndRemoveConflictsForAnyJuror() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        long eid = w.entry(0);
        JudgingFixtures.JurorAccount j = w.juror(0);
        j.login().as().get("/api/entries/{eid}", eid).then().statusCode(200);

        long conflictId = ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("jurorId", j.id(), "schoolId", w.school(0).id(), "reason", "Former teacher there"))
                .post("/api/competitions/{cid}/conflicts", w.cid()).then().statusCode(201)
                .body("jurorName", equalTo(j.name())).body("declaredBy", equalTo("organiser"))
                .extract().jsonPath().getLong("id");
        j.login().as().get("/api/entries/{eid}", eid).then().statusCode(404);
        ORGANISER.as().queryParam("juror", j.id()).get("/api/competitions/{cid}/conflicts", w.cid()).then()
                .statusCode(200).body("items.id", equalTo(List.of((int) conflictId)));
        // Nobody else was eligible: the entry is reported short of a juror, never given a conflicted one.
        ORGANISER.as().queryParam("action", "JURORS_REASSIGNED").get("/api/competitions/{cid}/audit", w.cid())
                .then().statusCode(200).body("items[0].after.shortBy." + eid, equalTo(1));

        ORGANISER.as().delete("/api/competitions/{cid}/conflicts/{id}", w.cid(), conflictId).then().statusCode(204);
        j.login().as().get("/api/entries/{eid}", eid).then().statusCode(200);
        ORGANISER.as().delete("/api/competitions/{cid}/conflicts/{id}", w.cid(), conflictId).then().statusCode(404);
        ORGANISER.as().queryParam("subjectType", "conflict").queryParam("subjectId", conflictId)
                .get("/api/competitions/{cid}/audit", w.cid()).then().statusCode(200)
                .body("items.action", equalTo(List.of("CONFLICT_REMOVED", "CONFLICT_DECLARED")))
                .body("items[0].before.reason", equalTo("Former teacher there"));
    }
}
