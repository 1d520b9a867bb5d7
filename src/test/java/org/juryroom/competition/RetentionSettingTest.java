package org.juryroom.competition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;
import org.juryroom.support.RealStack;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.juryroom.support.Api.organiser;

/**
 * The retention date of a competition's children's data (docs/privacy.md): shown in the API and on
 * the organiser's dashboard with the date that applies, set and reset by the organiser, refused in the
 * past, audited.
 */
@QuarkusTest
class RetentionSettingTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private static Response put(long cid, Object until) {
        return organiser().contentType(ContentType.JSON)
                .body(Collections.singletonMap("retainPersonalDataUntil", until))
                .put("/api/competitions/{cid}/retention", cid);
    }

    private static List<Map<String, Object>> retentionEvents(long cid) {
        return organiser().queryParam("action", "RETENTION_SET").get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void anOrganiserSetsAndResetsTheDateWhichIsAudited() {
        long cid = Api.createOpenCompetition();
        organiser().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("retainPersonalDataUntil", nullValue()).body("personalDataDueAt", nullValue());

        // In the past: 422 naming the field; nothing changes, nothing is audited.
        Api.problem(put(cid, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString()), 422)
                .body("violations[0].field", equalTo("retainPersonalDataUntil"));
        organiser().get("/api/competitions/{cid}", cid).then().body("retainPersonalDataUntil", nullValue());
        // Too far (kept for ever, or beyond what the database holds): 422 too.
        for (String far : java.util.List.of(OffsetDateTime.now(ZoneOffset.UTC).plusYears(11).toString(),
                "+300000-01-01T00:00:00Z")) {
            assertThat(put(cid, far).statusCode()).as(far).isEqualTo(422);
        }
        organiser().get("/api/competitions/{cid}", cid).then().body("retainPersonalDataUntil", nullValue());
        assertThat(retentionEvents(cid)).isEmpty();

        Instant until = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).withNano(0).toInstant();
        JsonPath set = Api.expect(put(cid, until.toString()), 200).extract().jsonPath();
        assertThat(Instant.parse(set.getString("retainPersonalDataUntil"))).isEqualTo(until);
        assertThat(Instant.parse(set.getString("personalDataDueAt"))).isEqualTo(until);
        List<Map<String, Object>> events = retentionEvents(cid);
        assertThat(events).hasSize(1);
        assertThat(String.valueOf(events.get(0).get("after"))).contains(until.toString().replace("Z", ""));

        // The same date again changes nothing and records nothing.
        Api.expect(put(cid, until.toString()), 200);
        assertThat(retentionEvents(cid)).hasSize(1);

        // Null: back to the default (publication + 12 months; not published yet, so no date applies).
        Api.expect(put(cid, null), 200).body("retainPersonalDataUntil", nullValue()).body("personalDataDueAt", nullValue());
        assertThat(retentionEvents(cid)).hasSize(2);
    }

    @Test
    void aPublishedCompetitionDefaultsToTwelveMonthsAfterPublicationAndShowsItsDateOnTheDashboard() {
        Fixtures.OnePoster p = Fixtures.onePosterInJudging("Retention", 1, "Retention School", "A poster", "Asha");
        Fixtures.score(p.juror(), p.entryId(), 8, 7, 6);
        Fixtures.freeze(p.cid());
        Fixtures.transition(p.cid(), "PUBLISHED");
        JsonPath c = organiser().get("/api/competitions/{cid}", p.cid()).then().statusCode(200).extract().jsonPath();
        Instant published = Instant.parse(c.getString("publishedAt"));
        Instant due = published.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
        assertThat(Instant.parse(c.getString("personalDataDueAt"))).isEqualTo(due);
        assertThat(c.getString("retainPersonalDataUntil")).isNull();

        WebSession web = WebSession.signIn(Api.ORGANISER, RealStack.ORGANISER_PASSWORD);
        String dashboard = "/organiser/competitions/" + p.cid();
        assertThat(web.get(dashboard).asString())
                .contains("Personal data erased on " + DAY.format(due.atZone(ZONE)))
                .contains("12 months after the first publication");

        // Before the publication (so in the past): refused on the page, as in the API.
        Response refused = web.post(dashboard, dashboard + "/retention",
                Map.of("retainPersonalDataUntil", LocalDate.now(ZONE).minusDays(1).toString()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("must be in the future");
        Response tooFar = web.post(dashboard, dashboard + "/retention",
                Map.of("retainPersonalDataUntil", "+999999999-12-31"));
        assertThat(tooFar.statusCode()).isEqualTo(422);
        Response unreadable = web.post(dashboard, dashboard + "/retention", Map.of("retainPersonalDataUntil", "soon"));
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.asString()).contains("must be a date");

        LocalDate day = LocalDate.now(ZONE).plusYears(3);
        Response saved = web.post(dashboard, dashboard + "/retention", Map.of("retainPersonalDataUntil", day.toString()));
        assertThat(saved.statusCode()).isEqualTo(303);
        String page = web.get(dashboard).asString();
        assertThat(page).contains("Personal data erased on " + DAY.format(day))
                .contains("That is the date set here")
                .contains("value=\"" + day + "\"");
        // The end of that day in the competition's zone.
        Instant set = Instant.parse(organiser().get("/api/competitions/{cid}", p.cid()).then().extract().jsonPath()
                .getString("retainPersonalDataUntil"));
        assertThat(set).isEqualTo(day.plusDays(1).atStartOfDay(ZONE).minusSeconds(1).toInstant());
        assertThat(retentionEvents(p.cid())).hasSize(1);
    }

    @Test
    void onlyOrganisersSetIt() {
        long cid = Api.createOpenCompetition();
        Api.Account school = Api.createSchool();
        Api.anonymous().contentType(ContentType.JSON).body(Map.of()).put("/api/competitions/{cid}/retention", cid)
                .then().statusCode(401);
        Api.as(school).contentType(ContentType.JSON).body(Map.of()).put("/api/competitions/{cid}/retention", cid)
                .then().statusCode(403);
        Api.problem(organiser().contentType(ContentType.JSON).body(Map.of())
                .put("/api/competitions/{cid}/retention", Long.MAX_VALUE), 404);
    }
}
