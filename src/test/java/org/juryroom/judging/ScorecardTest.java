package org.juryroom.judging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

@QuarkusTest
@TestProfile(JudgingProfile.class)
class ScorecardTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /** The competition's notes that its ranking must be computed again (V34's triggers write them). */
    private long rankingChanges(long cid) {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("select count(*) from ranking_change where competition_id = ?")) {
            q.setLong(1, cid);
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response put(JudgingFixtures.JurorAccount juror, long eid, Map<String, Object> body,
                                String ifMatch) {
        var spec = juror.login().as().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.put("/api/entries/{eid}/scorecard", eid);
    }

    private static Map<String, Object> card(int message, int craft, String status) {
        return Map.of("scores", Map.of("message", message, "craft", craft), "status", status);
    }

    @Test
    void draftThenSubmitWithEtagsStaleWritesRefusedAndRepeatsIdempotent() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        long eid = w.entry(0);
        JudgingFixtures.JurorAccount j = w.juror(0);

        put(j, eid, Map.of("scores", Map.of("message", 5), "status", "DRAFT"), null).then().statusCode(200)
                .header("ETag", "\"0\"").body("status", equalTo("DRAFT")).body("total", nullValue());
        // The same draft again: nothing written, same version.
        put(j, eid, Map.of("scores", Map.of("message", 5), "status", "DRAFT"), null).then().statusCode(200)
                .header("ETag", "\"0\"");
        j.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(200).header("ETag", "\"0\"");

        put(j, eid, card(7, 3, "SUBMITTED"), "\"0\"").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1));
        // A retry of that request (same If-Match, same content) is answered as done, not 412.
        put(j, eid, card(7, 3, "SUBMITTED"), "\"0\"").then().statusCode(200).header("ETag", "\"1\"");
        // A different change based on the old version is refused: somebody else's write would be lost.
        put(j, eid, card(8, 3, "SUBMITTED"), "\"0\"").then().statusCode(412)
                .body("currentVersion", equalTo(1));
        put(j, eid, Map.of("scores", Map.of("message", 8, "craft", 3), "status", "SUBMITTED", "version", 0), null)
                .then().statusCode(412);
        put(j, eid, card(8, 3, "SUBMITTED"), "W/\"1\"").then().statusCode(200).header("ETag", "\"2\"");
        put(j, eid, card(8, 3, "DRAFT"), "\"2\"").then().statusCode(409);
        assertThat(JudgingFixtures.json(j.login().as().get("/api/entries/{eid}/scorecard", eid)).getDouble("total"))
                .isCloseTo(JudgingFixtures.total(8, 3), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void invalidScoresAreRefusedWithEveryViolation() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        put(w.juror(0), w.entry(0), Map.of("scores", Map.of("message", 11, "nonsense", 1), "status", "SUBMITTED"),
                null).then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("scores.message", "scores.craft",
                        "scores.nonsense"));
    }

    @Test
    void peerScoresOnlyAfterOwnSubmissionAndNeverWhoGaveThem() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 3, 1);
        JudgingFixtures.assign(w.cid(), 3, 1).then().statusCode(201);
        long eid = w.entry(0);
        JudgingFixtures.submitScore(w.juror(1), eid, 9, 4);
        JudgingFixtures.submitScore(w.juror(2), eid, 3, 1);

        w.juror(0).login().as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(409)
                .body("detail", containsString("Submit your own"));
        JudgingFixtures.score(w.juror(0), eid, 5, 2, "DRAFT").then().statusCode(200);
        w.juror(0).login().as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(409);

        JudgingFixtures.submitScore(w.juror(0), eid, 5, 2);
        Response peers = w.juror(0).login().as().get("/api/entries/{eid}/scorecards", eid);
        peers.then().statusCode(200).body("others", hasSize(2)).body("all", nullValue())
                .body("others[0].scores.message", equalTo(9)).body("others[1].scores.message", equalTo(3));
        String body = peers.asString();
        for (JudgingFixtures.JurorAccount other : List.of(w.juror(1), w.juror(2))) {
            assertThat(body).doesNotContain(other.name()).doesNotContain(other.login().username());
        }
        assertThat(body).doesNotContain("jurorId").doesNotContain("jurorName").doesNotContain("updatedAt");

        ORGANISER.as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(200)
                .body("all", hasSize(3)).body("all.jurorName", org.hamcrest.Matchers.hasItems(w.juror(1).name(),
                        w.juror(2).name())).body("all.counted", org.hamcrest.Matchers.everyItem(equalTo(true)));
        // Schools never read scorecards; an unassigned juror does not even see the entry.
        w.school(0).login().as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(403);
    }

    /**
     * Independent opinions: a juror who has read the other jurors' marks for an entry can no longer
     * change their own (it was possible: submit placeholder marks, read the others', then move them).
     */
    @Test
    void afterReadingTheOtherJurorsMarksTheJurorsOwnScorecardIsFinal() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 2, 2, 1);
        JudgingFixtures.assign(w.cid(), 2, 1).then().statusCode(201);
        long eid = w.entry(0);
        JudgingFixtures.JurorAccount reader = w.juror(0);
        JudgingFixtures.JurorAccount other = w.juror(1);
        JudgingFixtures.submitScore(other, eid, 9, 4);
        put(reader, eid, card(1, 0, "SUBMITTED"), null).then().statusCode(200).header("ETag", "\"0\"")
                .body("peersReadAt", nullValue());
        // Before reading, a correction is still the juror's.
        put(reader, eid, card(2, 0, "SUBMITTED"), null).then().statusCode(200).header("ETag", "\"1\"");

        long changes = rankingChanges(w.cid());
        reader.login().as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(200)
                .body("others", hasSize(1)).body("others[0].scores.message", equalTo(9));
        // Reading is not a change of the marks: the ranking cached for them stays (no new note to compute it again).
        org.assertj.core.api.Assertions.assertThat(rankingChanges(w.cid())).isEqualTo(changes);
        // Reading is not a change of the scorecard: same version, and now the time of the read.
        reader.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(200)
                .header("ETag", "\"1\"").body("peersReadAt", not(nullValue()));

        put(reader, eid, card(9, 4, "SUBMITTED"), null).then().statusCode(409)
                .body("detail", containsString("so yours is final")).body("detail", containsString("organisers"));
        put(reader, eid, Map.of("scores", Map.of("message", 2, "craft", 0), "comment", "changed my mind",
                "status", "SUBMITTED"), "\"1\"").then().statusCode(409);
        put(reader, eid, Map.of("status", "ABSTAINED", "abstainReason", "after all"), null).then().statusCode(409);
        // The same scorecard again is no change: 200, nothing written.
        put(reader, eid, card(2, 0, "SUBMITTED"), "\"1\"").then().statusCode(200).header("ETag", "\"1\"");
        reader.login().as().get("/api/entries/{eid}/scorecard", eid).then().statusCode(200)
                .body("scores.message", equalTo(2)).body("scores.craft", equalTo(0)).body("status", equalTo("SUBMITTED"));
        // The refusal reads in the juror's language.
        reader.login().as().header("Accept-Language", "hi").contentType(ContentType.JSON)
                .body(card(9, 4, "SUBMITTED")).put("/api/entries/{eid}/scorecard", eid).then().statusCode(409)
                .body("detail", containsString("आयोजकों"));

        // A juror who never read the others' marks still corrects theirs, and that correction is a change of the ranking.
        put(other, eid, card(8, 4, "SUBMITTED"), null).then().statusCode(200).body("scores.message", equalTo(8));
        org.assertj.core.api.Assertions.assertThat(rankingChanges(w.cid())).isGreaterThan(changes);
        // A look while no other juror has submitted shows nothing and fixes nothing.
        long alone = w.entry(1);
        JudgingFixtures.submitScore(reader, alone, 5, 2);
        reader.login().as().get("/api/entries/{eid}/scorecards", alone).then().statusCode(200)
                .body("others", hasSize(0));
        put(reader, alone, card(6, 2, "SUBMITTED"), null).then().statusCode(200).body("peersReadAt", nullValue());
        // Organisers read every scorecard without fixing any.
        ORGANISER.as().get("/api/entries/{eid}/scorecards", alone).then().statusCode(200);
        JudgingFixtures.submitScore(other, alone, 7, 3);
        put(other, alone, card(7, 4, "SUBMITTED"), null).then().statusCode(200);
    }

    @Test
    void abstentionNeedsAReasonIsFinalAndBringsInAnotherJuror() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 1, 3, 1);
        long eid = w.entry(0);
        JudgingFixtures.assign(w.cid(), 2, 5).then().statusCode(201);
        List<JudgingFixtures.JurorAccount> assigned = w.jurors().stream()
                .filter(j -> JudgingFixtures.queue(j, w.cid()).contains(eid)).toList();
        assertThat(assigned).hasSize(2);
        JudgingFixtures.JurorAccount abstaining = assigned.get(0);
        JudgingFixtures.JurorAccount spare = w.jurors().stream().filter(j -> !assigned.contains(j)).findFirst()
                .orElseThrow();
        assertThat(JudgingFixtures.queue(spare, w.cid())).doesNotContain(eid);

        put(abstaining, eid, Map.of("status", "ABSTAINED"), null).then().statusCode(422)
                .body("violations[0].field", equalTo("abstainReason"));
        put(abstaining, eid, Map.of("status", "ABSTAINED", "abstainReason", "I taught one of these children"), null)
                .then().statusCode(200).body("status", equalTo("ABSTAINED")).body("total", nullValue());
        // Reassigned at once: the entry keeps two counted jurors.
        assertThat(JudgingFixtures.queue(spare, w.cid())).contains(eid);
        put(abstaining, eid, card(5, 2, "SUBMITTED"), null).then().statusCode(409)
                .body("detail", containsString("final"));
        ORGANISER.as().get("/api/entries/{eid}/scorecards", eid).then().statusCode(200)
                .body("all.find { it.status == 'ABSTAINED' }.counted", equalTo(false))
                .body("all.find { it.status == 'ABSTAINED' }.abstainReason", equalTo("I taught one of these children"));
    }

    /**
     * Texts that show nothing: an abstention's reason of zero-width and format characters only is no reason (it
     * was accepted, so an organiser read an abstention without a reason), and such a comment is no comment.
     */
    @Test
    void aReasonOrCommentThatShowsNothingIsNone() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 2, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        String invisible = "\u200B\u2060\u00AD \u200D";
        put(w.juror(0), w.entry(0), Map.of("status", "ABSTAINED", "abstainReason", invisible), null).then()
                .statusCode(422).body("violations[0].field", equalTo("abstainReason"));
        w.juror(0).login().as().get("/api/entries/{eid}/scorecard", w.entry(0)).then().statusCode(404);
        put(w.juror(0), w.entry(1), Map.of("scores", Map.of("message", 7, "craft", 3), "comment", invisible,
                "status", "SUBMITTED"), null).then().statusCode(200).body("comment", nullValue());
        ORGANISER.as().get("/api/entries/{eid}/scorecards", w.entry(1)).then().statusCode(200)
                .body("all[0].comment", nullValue());
    }

    @Test
    void afterTheFreezeEveryScorecardWriteIsAConflict() {
        JudgingFixtures.World w = JudgingFixtures.world(1, 2, 1, 1);
        JudgingFixtures.assign(w.cid(), 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(w.juror(0), w.entry(0), 6, 3);
        JudgingFixtures.score(w.juror(0), w.entry(1), 4, 1, "DRAFT").then().statusCode(200);
        // The draft is missing work: the plain freeze refuses; closing the RUBRIC round accepting fewer jurors freezes.
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", w.cid()).then().statusCode(409);
        long rubric = ORGANISER.as().get("/api/competitions/{cid}/rounds", w.cid()).jsonPath().getLong("[0].id");
        ORGANISER.as().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("acceptFewer", List.of(w.entry(1)), "reason", "draft left unfinished"))
                .post("/api/competitions/{cid}/rounds/{rid}/close", w.cid(), rubric).then().statusCode(200);

        JudgingFixtures.score(w.juror(0), w.entry(0), 9, 5, "SUBMITTED").then().statusCode(409)
                .body("currentStatus", equalTo("FROZEN"));
        JudgingFixtures.score(w.juror(0), w.entry(1), 4, 1, "SUBMITTED").then().statusCode(409);
        put(w.juror(0), w.entry(1), Map.of("status", "ABSTAINED", "abstainReason", "late"), null).then()
                .statusCode(409);
        // Reading stays possible.
        w.juror(0).login().as().get("/api/entries/{eid}/scorecard", w.entry(0)).then().statusCode(200)
                .body("scores.message", equalTo(6)).body("status", not(equalTo("DRAFT")));
    }
}
