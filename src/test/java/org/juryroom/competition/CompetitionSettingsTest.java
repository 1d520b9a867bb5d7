package org.juryroom.competition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Api;

import java.util.List;
import java.util.Map;


import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.juryroom.support.Api.organiser;

/** A competition's settings as a hostile or careless client sends them: refused clearly, never stored half-right. */
@QuarkusTest
class CompetitionSettingsTest {

    /** The body of {@link Api#competitionBody()} with a disagreement threshold written as {@code number} in JSON. */
    private static String withSpread(String number) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Api.competitionBody())
                .replaceFirst("^\\{", "{\"disagreementMaxSpread\": " + number + ",");
    }

    private static Response timed(String what, java.util.function.Supplier<Response> request) {
        long started = System.nanoTime();
        Response r = request.get();
        // The database driver takes minutes to encode 1e-99999999 exactly; a refusal is immediate.
        assertThat((System.nanoTime() - started) / 1_000_000).as(what).isLessThan(5_000);
        return r;
    }

    @Test
    void aDisagreementThresholdHasAtMostTheTwoDecimalsTheDatabaseKeeps() throws Exception {
        for (String number : new String[] {"1e-999999", "12.345"}) {
            String body = withSpread(number);
            Api.problem(timed(number, () -> organiser().contentType(ContentType.JSON).body(body)
                    .post("/api/competitions")), 422).body("violations[0].field", equalTo("disagreementMaxSpread"));
        }
        // What is kept is what the answer says, then and later.
        long cid = Api.expect(organiser().contentType(ContentType.JSON).body(withSpread("12.34"))
                .post("/api/competitions"), 201).body("disagreementMaxSpread", equalTo(12.34f))
                .extract().jsonPath().getLong("id");
        organiser().get("/api/competitions/{cid}", cid).then().body("disagreementMaxSpread", equalTo(12.34f));

        for (String number : new String[] {"1e-999999", "0.125"}) {
            String body = "{\"rankingMethod\": \"RAW_MEAN\", \"disagreementMaxSpread\": 20, \"disagreementMaxStdDev\": "
                    + number + "}";
            Api.problem(timed(number, () -> organiser().contentType(ContentType.JSON).body(body)
                    .put("/api/competitions/{cid}/ranking-settings", cid)), 422)
                    .body("violations[0].field", equalTo("disagreementMaxStdDev"));
        }
        organiser().get("/api/competitions/{cid}", cid).then().body("rankingMethod", equalTo("Z_SCORE"))
                .body("disagreementMaxStdDev", equalTo(null));
    }

    @Test
    void twoCategoriesOrCriteriaThatReadTheSameAreRefused() {
        Map<String, Object> body = Api.competitionBody();
        // "Poster", " poster " and "POSTER" are one name to a school choosing where its entry goes; so are the two
        // ways of writing "Café" (é precomposed, or e and a combining accent).
        body.put("categories", List.of(Api.category("a", "Poster", List.of("image/png"), 1000),
                Api.category("b", " poster ", List.of("image/png"), 1000),
                Api.category("c", "Café", List.of("image/png"), 1000),
                Api.category("d", "Cafe\u0301", List.of("image/png"), 1000)));
        body.put("criteria", List.of(Api.criterion("message", "Message", 1), Api.criterion("clarity", "MESSAGE", 1)));
        Api.problem(Api.postCompetition(body), 422)
                .body("violations.field", containsInAnyOrder("categories[1].name", "categories[3].name",
                        "criteria[1].name"))
                .body("violations.find { it.field == 'categories[1].name' }.message",
                        equalTo("duplicate category name poster"));
        assertThat(organiser().get("/api/competitions?size=500").then().statusCode(200).extract().asString())
                .doesNotContain(body.get("title").toString());

        // A draft's edit is checked as its creation was.
        long cid = Api.createCompetition(b -> { });
        Api.problem(organiser().contentType(ContentType.JSON).body(body).put("/api/competitions/{cid}", cid), 422)
                .body("violations.field", containsInAnyOrder("categories[1].name", "categories[3].name",
                        "criteria[1].name"));
        organiser().get("/api/competitions/{cid}", cid).then().body("categories.name",
                containsInAnyOrder("Posters", "Essays", "Videos"));
    }

    @Test
    void titlesAndNamesAreStoredInNfcAndMeasuredSo() {
        // Typed decomposed (e + U+0301): stored as the one text a search and a sort know.
        String title = Api.unique("Cafe\u0301 \u09AF\u09BC");
        long cid = Api.createCompetition(b -> {
            b.put("title", title);
            b.put("theme", "Cafe\u0301");
            b.put("categories", List.of(Api.category("poster", "Cafe\u0301 posters", List.of("image/png"), 1000)));
            b.put("criteria", List.of(Api.criterion("message", "Cafe\u0301 message", 1)));
        });
        organiser().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .body("title", equalTo(java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFC)))
                .body("title", org.hamcrest.Matchers.startsWith("Caf\u00E9 \u09AF\u09BC")) // য় is excluded from composition
                .body("theme", equalTo("Caf\u00E9"))
                .body("categories[0].name", equalTo("Caf\u00E9 posters"))
                .body("criteria[0].name", equalTo("Caf\u00E9 message"));
        // য় precomposed is two characters in NFC: 101 of them are over the title's 200.
        Map<String, Object> body = Api.competitionBody();
        body.put("title", "\u09DF".repeat(101));
        Api.problem(Api.postCompetition(body), 422).body("violations.field", containsInAnyOrder("title"));
    }

    @Test
    void aTitleOrNameThatShowsNothingIsRefusedLikeAnEmptyOne() {
        String nothing = "\u200B\u200C\u200D\u2060\uFEFF\u00AD \u3164";
        Map<String, Object> body = Api.competitionBody();
        String title = body.get("title").toString();
        body.put("title", nothing);
        body.put("categories", List.of(Api.category("poster", "\u200B", List.of("image/png"), 1000)));
        body.put("criteria", List.of(Api.criterion("message", "\u0301\u2063", 1)));
        Api.problem(Api.postCompetition(body), 422)
                .body("violations.field", containsInAnyOrder("title", "categories[0].name", "criteria[0].name"))
                .body("violations.find { it.field == 'title' }.message", equalTo("must be filled in"));

        long cid = Api.createCompetition(b -> b.put("title", title));
        Map<String, Object> edit = Api.competitionBody();
        edit.put("title", nothing);
        Api.problem(organiser().contentType(ContentType.JSON).body(edit).put("/api/competitions/{cid}", cid), 422)
                .body("violations.field", containsInAnyOrder("title"));
        organiser().get("/api/competitions/{cid}", cid).then().body("title", equalTo(title));
        // A joiner inside a visible name is part of its spelling, not refused.
        Api.createCompetition(b -> b.put("title", Api.unique("\u09B0\u200D\u09CD\u09AF\u09BE\u200B")));
    }

    @Test
    void aCompetitionWhoseWindowHasClosedIsNotOpenedUntilItsDatesAreMoved() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        long cid = Api.createCompetition(b -> {
            b.put("submissionOpensAt", now.minusDays(10).toString());
            b.put("submissionClosesAt", now.minusMinutes(1).toString());
        });
        Api.problem(Api.postTransition(cid, "OPEN"), 409).body("currentStatus", equalTo("DRAFT"))
                .body("submissionClosesAt", org.hamcrest.Matchers.notNullValue());
        organiser().get("/api/competitions/{cid}", cid).then().body("status", equalTo("DRAFT"));
        assertThat(organiser().queryParam("action", "COMPETITION_TRANSITION").get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();

        Map<String, Object> moved = Api.competitionBody();
        moved.put("submissionOpensAt", now.minusDays(10).toString());
        moved.put("submissionClosesAt", now.plusDays(3).toString());
        Api.expect(organiser().contentType(ContentType.JSON).body(moved).put("/api/competitions/{cid}", cid), 200);
        Api.transition(cid, "OPEN");
    }
}
