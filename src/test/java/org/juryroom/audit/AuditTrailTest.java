package org.juryroom.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.JurorAccount;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.junit.jupiter.api.Test;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.web.WebSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

@QuarkusTest
@TestProfile(JudgingProfile.class)
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Inject
    JuryRoomConfig config;

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
        // Withdrawing an entry deletes nothing (it can be undone): its files stay, and no removal is logged.
        assertThat(audit(cid, Map.of("action", "FILE_REMOVED", "subjectId", withdrawn)).getInt("total")).isZero();
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
    void everyFailedSignInOnThePageOrTheApiIsOneAuditLineWithoutThePassword() {
        Instant start = Instant.now().minusSeconds(1);
        long cid = JudgingFixtures.openCompetition(1);
        String viaApi = JudgingFixtures.unique("intruder-api").replace(' ', '-');
        String viaPage = JudgingFixtures.unique("intruder-page").replace(' ', '-');
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        List<String> passwords = List.of("guessed-" + viaApi, "guessed-" + viaPage, "wrong-" + viaPage);
        JudgingFixtures.anonymous().auth().preemptive().basic(viaApi, passwords.get(0))
                .get("/api/competitions").then().statusCode(401);
        for (String[] attempt : new String[][] {{viaPage, passwords.get(1)},
                {school.login().username(), passwords.get(2)}}) {
            Response refused = WebSession.anonymous().postSignIn(attempt[0], attempt[1]);
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/login?failed");
        }

        JsonPath failures = audit(cid, Map.of("action", "LOGIN_FAILED", "from", start.toString()));
        assertThat(failures.getList("items.after.username", String.class))
                .containsOnlyOnce(viaApi, viaPage, school.login().username());
        String api = "items.find { it.after.username == '" + viaApi + "' }";
        String page = "items.find { it.after.username == '" + viaPage + "' }";
        assertThat(failures.getString(api + ".after.path")).isEqualTo("/api/competitions");
        assertThat(failures.getString(api + ".after.method")).isEqualTo("GET");
        assertThat(failures.getString(page + ".after.path")).isEqualTo("/j_security_check");
        assertThat(failures.getString(page + ".after.method")).isEqualTo("POST");
        for (String line : List.of(api, page)) {
            assertThat(failures.getString(line + ".after.remoteAddress")).isNotBlank().isNotEqualTo("unknown");
            assertThat(failures.getString(line + ".actor")).isEqualTo("anonymous");
            assertThat(failures.getString(line + ".actorRole")).isEqualTo("anonymous");
            assertThat(Instant.parse(failures.getString(line + ".at"))).isAfter(start);
            // Like accounts and conflicts, a failed sign-in belongs to no competition: every trail shows it.
            assertThat(failures.getString(line + ".competitionId")).isNull();
        }
        assertThat(failures.prettify()).doesNotContain(passwords);
        long other = JudgingFixtures.openCompetition(1);
        assertThat(audit(other, Map.of("action", "LOGIN_FAILED", "from", start.toString()))
                .getList("items.after.username", String.class)).contains(viaApi, viaPage);
    }

    @Test
    void aThrottledSignInIsAuditedLikeAnyOtherFailure() {
        Instant start = Instant.now().minusSeconds(1);
        long cid = JudgingFixtures.openCompetition(1);
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        int limit = config.signIn().maxFailures();
        for (int i = 0; i < limit; i++) {
            WebSession.anonymous().postSignIn(school.login().username(), "wrong-" + i);
        }
        // Past the limit even the right password is refused: that refusal is a failed sign-in too.
        school.login().as().get("/api/competitions").then().statusCode(401);
        List<String> reasons = audit(cid, Map.of("action", "LOGIN_FAILED", "from", start.toString()))
                .getList("items.findAll { it.after.username == '" + school.login().username() + "' }.after.reason",
                        String.class);
        assertThat(reasons).hasSize(limit + 1);
        assertThat(reasons.get(0)).isEqualTo("throttled");
        assertThat(reasons.subList(1, limit + 1)).containsOnly("wrong username or password");
    }
}
