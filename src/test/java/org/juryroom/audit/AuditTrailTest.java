package org.juryroom.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

@QuarkusTest
@TestProfile(JudgingProfile.class)
class AuditTrailTest {

    @Inject
    EntityManager em;

    private static JsonPath audit(long cid, Map<String, Object> filter) {
        return ORGANISER.as().queryParams(filter).queryParam("size", 500).get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyStateChangeIsLoggedWithWhoWhenWhatAndTheValuesBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(1);
        long cid = JudgingFixtures.openCompetition(1);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        String entryJson = "{\"title\":\"First title\",\"categoryCode\":\"poster\",\"participants\":"
                + "[{\"firstName\":\"Mira\",\"grade\":6}],\"consent\":{\"judging\":true,\"publishWork\":true,"
                + "\"publishNames\":false,\"attestedBy\":\"Class teacher\"}}";
        JsonPath created = school.login().as().multiPart("entry", entryJson, "application/json")
                .multiPart("files", "one.png", JudgingFixtures.png(), "image/png")
                .multiPart("files", "two.png", JudgingFixtures.png(), "image/png")
                .post("/api/competitions/{cid}/entries", cid).then().statusCode(201).extract().jsonPath();
        long eid = created.getLong("id");
        long fid = created.getLong("files[1].id");
        school.login().as().delete("/api/entries/{eid}/files/{fid}", eid, fid).then().statusCode(204);
        school.login().as().contentType(ContentType.JSON).body(Map.of("title", "Better title"))
                .patch("/api/entries/{eid}", eid).then().statusCode(200);
        JudgingFixtures.submit(school, eid);
        long withdrawn = JudgingFixtures.draftEntry(cid, school, "Changed our mind", "s", List.of("Tara"), true, true);
        school.login().as().post("/api/entries/{eid}/withdraw", withdrawn).then().statusCode(200);
        JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.score(juror, eid, 4, 1, "DRAFT").then().statusCode(200);
        JudgingFixtures.submitScore(juror, eid, 6, 2);
        JudgingFixtures.submitScore(juror, eid, 7, 2);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("entryId", eid, "decision", "CONFIRM"))
                .post("/api/competitions/{cid}/adjudications", cid).then().statusCode(201);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
        JudgingFixtures.transition(cid, "FROZEN");
        SchoolAccount other = JudgingFixtures.school("Elsewhere");
        juror.login().as().contentType(ContentType.JSON).body(Map.of("schoolId", other.id(), "reason", "Alumnus"))
                .post("/api/me/conflicts").then().statusCode(201);

        JsonPath all = audit(cid, Map.of());
        assertThat(all.getList("items.action", String.class)).contains("COMPETITION_CREATED",
                "COMPETITION_TRANSITION", "ENTRY_CREATED", "FILE_ADDED", "FILE_REMOVED", "ENTRY_UPDATED",
                "ENTRY_SUBMITTED", "ENTRY_WITHDRAWN", "PANELS_CHANGED", "ASSIGNMENT_RUN", "SCORECARD_CHANGED",
                "SCORECARD_SUBMITTED", "ADJUDICATION", "SHORTLIST_FROZEN", "COMPETITION_PUBLISHED",
                "COMPETITION_UNPUBLISHED", "CONFLICT_DECLARED", "SCHOOL_CREATED", "JUROR_CREATED");
        // Newest first, with ids strictly decreasing.
        List<Long> ids = all.getList("items.id", Long.class);
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonPath updated = audit(cid, Map.of("action", "ENTRY_UPDATED", "subjectType", "entry", "subjectId", eid));
        assertThat(updated.getString("items[0].actor")).isEqualTo(school.login().username());
        assertThat(updated.getString("items[0].actorRole")).isEqualTo("school");
        assertThat(updated.getString("items[0].before.title")).isEqualTo("First title");
        assertThat(updated.getString("items[0].after.title")).isEqualTo("Better title");
        assertThat(Instant.parse(updated.getString("items[0].at"))).isAfter(start);

        JsonPath scorecards = audit(cid, Map.of("actor", juror.login().username(), "subjectType", "scorecard"));
        assertThat(scorecards.getList("items.action", String.class)).containsSubsequence("SCORECARD_CHANGED",
                "SCORECARD_SUBMITTED", "SCORECARD_CHANGED");
        // The correction after submission keeps both versions of the marks.
        assertThat(scorecards.getInt("items[0].before.scores.message")).isEqualTo(6);
        assertThat(scorecards.getInt("items[0].after.scores.message")).isEqualTo(7);
        assertThat(audit(cid, Map.of("action", "FILE_REMOVED", "subjectId", eid)).getLong("items[0].before.id"))
                .isEqualTo(fid);
        // Withdrawing an entry removes its files: each removal is logged against the withdrawn entry.
        assertThat(audit(cid, Map.of("action", "FILE_REMOVED", "subjectId", withdrawn)).getInt("total")).isEqualTo(1);
        assertThat(audit(cid, Map.of("action", "SHORTLIST_FROZEN")).getString("items[0].after.digest"))
                .hasSize(64);
        assertThat(audit(cid, Map.of("action", "ASSIGNMENT_RUN")).getInt("items[0].after.jurorsPerEntry"))
                .isEqualTo(1);
        // Time filters: nothing before the test began.
        assertThat(audit(cid, Map.of("to", start.toString(), "action", "ENTRY_UPDATED")).getInt("total"))
                .isZero();

        ORGANISER.as().queryParam("action", "NOT_AN_ACTION").get("/api/competitions/{cid}/audit", cid).then()
                .statusCode(400);
        ORGANISER.as().queryParam("from", "yesterday").get("/api/competitions/{cid}/audit", cid).then()
                .statusCode(400);
        juror.login().as().get("/api/competitions/{cid}/audit", cid).then().statusCode(403);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditLines() {
        long cid = JudgingFixtures.openCompetition(1);
        long id = audit(cid, Map.of("action", "COMPETITION_CREATED")).getLong("items[0].id");
        for (String sql : List.of("update audit_event set actor = 'someone else' where id = " + id,
                "delete from audit_event where id = " + id, "truncate audit_event")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(sql).executeUpdate()))
                    .as(sql).hasStackTraceContaining("append-only");
        }
        assertThat(audit(cid, Map.of("action", "COMPETITION_CREATED")).getString("items[0].actor"))
                .isEqualTo("organiser");
    }

    @Test
    void failedSignInsAreRecordedWithoutThePassword() throws InterruptedException {
        long cid = JudgingFixtures.openCompetition(1);
        String who = JudgingFixtures.unique("intruder").replace(' ', '-');
        JudgingFixtures.anonymous().auth().preemptive().basic(who, "guessed-password-123")
                .get("/api/competitions").then().statusCode(401);
        JudgingFixtures.anonymous().auth().preemptive().basic("organiser", "wrong-" + who)
                .get("/api/competitions").then().statusCode(401);
        // The event is recorded asynchronously (off the I/O thread): wait for it, without timing anything.
        JsonPath found = null;
        for (int i = 0; i < 100; i++) {
            JsonPath events = audit(cid, Map.of("action", "LOGIN_FAILED"));
            if (events.getList("items.after.username", String.class).contains(who)
                    && events.getString("items.find { it.after.username == 'organiser' }") != null) {
                found = events;
                break;
            }
            Thread.sleep(100);
        }
        assertThat(found).as("LOGIN_FAILED for " + who).isNotNull();
        assertThat(found.getString("items.find { it.after.username == '" + who + "' }.after.path"))
                .isEqualTo("/api/competitions");
        ORGANISER.as().queryParam("action", "LOGIN_FAILED").queryParam("size", 500)
                .get("/api/competitions/{cid}/audit", cid).then()
                .body("items.actorRole", everyItem(equalTo("anonymous")))
                .body("items.after.username", hasItems(who, "organiser"));
        assertThat(found.prettify()).doesNotContain("guessed-password-123").doesNotContain("wrong-" + who);
    }
}
