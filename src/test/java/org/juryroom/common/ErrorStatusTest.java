package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.juryroom.support.Api.ESSAY;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.anonymous;
import static org.juryroom.support.Api.as;
import static org.juryroom.support.Api.organiser;
import static org.juryroom.support.Api.problem;

/**
 * Every error status of the API, each as an RFC 9457 problem document
 * (application/problem+json with status and title; violations for 400 and 422).
 */
@QuarkusTest
class ErrorStatusTest {

    private static final FilePart JPEG = FilePart.sample("posters/poster-01.jpg");
    private static final FilePart PNG = FilePart.sample("posters/poster-07.png");
    private static final FilePart PDF = FilePart.sample("essays/essay-01.pdf");
    private static final long NO_SUCH_ID = 987_654_321_012L;

    // ---- 400 --------------------------------------------------------------------------------

    @Test
    void malformedJsonIs400AndAValueOfTheWrongTypeIs422NamingTheField() {
        problem(organiser().contentType(ContentType.JSON).body("{\"title\": \"Stay Safe\", \"categories\": [")
                .post("/api/competitions"), 400);
        problem(organiser().contentType(ContentType.JSON).body("[1, 2]").post("/api/competitions"), 400);
        // Well-formed JSON with a value of the wrong type is invalid content, named like any other.
        Map<String, Object> body = Api.competitionBody();
        body.put("shortlistSize", "many");
        problem(Api.postCompetition(body), 422).body("violations.field", contains("shortlistSize"))
                .body("violations[0].message", containsString("whole number"));
        body = Api.competitionBody();
        body.put("rankingMethod", "COIN_TOSS");
        problem(Api.postCompetition(body), 422).body("violations.field", contains("rankingMethod"))
                .body("violations[0].message", containsString("RAW_MEAN"));
    }

    /** A body is one JSON value: a second one, or text after it, is 400 and nothing is stored; white space is fine. */
    @Test
    void aBodyThatGoesOnAfterItsJsonValueIs400AndNothingIsStored() {
        String competition = Api.json(Api.competitionBody());
        for (String after : List.of(" {}", "x", "]", " null", "\u0000")) {
            problem(organiser().contentType(ContentType.JSON).body(competition + after).post("/api/competitions"), 400)
                    .body("detail", containsString("not valid JSON"));
        }
        organiser().contentType(ContentType.JSON).body(competition + " \r\n\t ").post("/api/competitions")
                .then().statusCode(201);

        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        String entry = Api.json(Api.entryBody(POSTER));
        for (String after : List.of(" {}", "x")) {
            problem(as(school).multiPart("entry", entry + after, "application/json")
                    .multiPart("files", "poster-01.jpg", JPEG.bytes())
                    .post("/api/competitions/{cid}/entries", cid), 400);
        }
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    @Test
    void malformedOrMissingEntryPartIs400() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();

        problem(as(school).multiPart("files", "poster-01.jpg", JPEG.bytes())
                .post("/api/competitions/{cid}/entries", cid), 400)
                .body("detail", containsString("entry"));
        problem(as(school).multiPart("entry", "{\"title\": ", "application/json")
                .multiPart("files", "poster-01.jpg", JPEG.bytes())
                .post("/api/competitions/{cid}/entries", cid), 400);
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    /** Bodies the framework's parsers cannot read at all: 400 saying what to mend, in Hindi too, and nothing stored. */
    @Test
    void aMultipartOrFormBodyThatCannotBeParsedIs400() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        var asText = Api.sendAsText("multipart/form-data");
        // A part without its headers.
        problem(as(school).config(asText).contentType("multipart/form-data; boundary=x")
                .body("--x\r\n{\"title\":\"T\"}\r\n--x--\r\n").post("/api/competitions/{cid}/entries", cid), 400)
                .body("detail", containsString("Content-Disposition"));
        problem(as(school).config(asText).header("Accept-Language", "hi").contentType("multipart/form-data; boundary=x")
                .body("--x\r\n\r\n--x--\r\n").post("/api/competitions/{cid}/entries", cid), 400)
                .body("detail", containsString("हेडर"));
        assertThat(Api.entryCount(as(school), cid)).isZero();
        // A file upload sent as a form whose percent-encoding does not decode.
        long eid = Api.createEntry(school, cid, POSTER, JPEG);
        problem(as(school).contentType("application/x-www-form-urlencoded").body("a=%ZZ")
                .post("/api/entries/{eid}/files", eid), 400)
                .body("detail", containsString("two hexadecimal digits"));
        as(school).get("/api/entries/{eid}", eid).then().statusCode(200).body("files", hasSize(1));
    }

    @Test
    void badPagingIs400() {
        long cid = Api.createOpenCompetition();
        for (String size : List.of("0", "-1", "501")) {
            problem(organiser().queryParam("size", size).get("/api/competitions/{cid}/entries", cid), 400)
                    .body("detail", containsString("size"));
        }
        problem(organiser().queryParam("page", -1).get("/api/competitions/{cid}/entries", cid), 400);
    }

    // ---- 401 --------------------------------------------------------------------------------

    @Test
    void noCredentialsIs401() {
        problem(anonymous().get("/api/competitions"), 401).header("WWW-Authenticate", containsString("Basic"));
        problem(anonymous().contentType(ContentType.JSON).body(Api.competitionBody()).post("/api/competitions"), 401);
    }

    @Test
    void wrongPasswordIs401() {
        problem(as(Api.ORGANISER, "not-the-password").get("/api/competitions"), 401);
        problem(as(Api.unique("nobody").replace(' ', '-'), "whatever").get("/api/competitions"), 401);
    }

    // ---- 403 --------------------------------------------------------------------------------

    @Test
    void aSchoolCannotCreateCompetitions() {
        Account school = Api.createSchool();
        String title = Api.unique("School-made competition");
        Map<String, Object> body = Api.competitionBody();
        body.put("title", title);
        problem(as(school).contentType(ContentType.JSON).body(body).post("/api/competitions"), 403);
        organiser().get("/api/competitions").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void aJurorCannotSeeTheRanking() {
        long cid = Api.createOpenCompetition();
        Account juror = Api.createJuror();
        problem(as(juror).get("/api/competitions/{cid}/ranking", cid), 403);
        problem(as(juror).post("/api/competitions/{cid}/shortlist", cid), 403);
        problem(as(juror).get("/api/competitions/{cid}/shortlist", cid), 403);
    }

    // ---- 404 --------------------------------------------------------------------------------

    @Test
    void unknownCompetitionIs404() {
        problem(organiser().get("/api/competitions/{cid}", NO_SUCH_ID), 404);
        problem(Api.postTransition(NO_SUCH_ID, "OPEN"), 404);
        problem(Api.postEntry(Api.createSchool(), NO_SUCH_ID, Api.entryBody(POSTER), JPEG), 404);
    }

    @Test
    void anotherSchoolsEntryDoesNotExist() {
        long cid = Api.createOpenCompetition();
        Account owner = Api.createSchool();
        Account other = Api.createSchool();
        JsonPath entry = Api.createEntry(owner, cid, Api.entryBody(POSTER), JPEG);
        long eid = entry.getLong("id");
        long fid = entry.getLong("files[0].id");
        String title = entry.getString("title");

        problem(as(other).get("/api/entries/{eid}", eid), 404);
        problem(as(other).get("/api/entries/{eid}/files/{fid}", eid, fid), 404);
        problem(as(other).contentType(ContentType.JSON).body(Map.of("title", "Taken over"))
                .patch("/api/entries/{eid}", eid), 404);
        problem(Api.postSubmit(other, eid), 404);
        problem(as(other).delete("/api/entries/{eid}/files/{fid}", eid, fid), 404);
        problem(Api.postFiles(other, eid, PNG), 404);
        problem(as(other).post("/api/entries/{eid}/withdraw", eid), 404);
        assertThat(Api.entryCount(as(other), cid)).isZero();

        // Hidden looks exactly like missing.
        problem(as(other).get("/api/entries/{eid}", NO_SUCH_ID), 404);

        // Nothing changed for the owner.
        as(owner).get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("title", equalTo(title)).body("status", equalTo("DRAFT")).body("files.id", hasSize(1));
        as(owner).get("/api/entries/{eid}/files/{fid}", eid, fid).then().statusCode(200);
    }

    @Test
    void anUnassignedEntryDoesNotExistForAJuror() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        JsonPath entry = Api.createEntry(school, cid, Api.entryBody(POSTER), JPEG);
        long eid = entry.getLong("id");
        Api.submit(school, eid);
        Api.transition(cid, "JUDGING");
        Account juror = Api.createJuror(); // no assignment is made in this competition

        problem(as(juror).get("/api/entries/{eid}", eid), 404);
        problem(as(juror).get("/api/entries/{eid}/files/{fid}", eid, entry.getLong("files[0].id")), 404);
        problem(Api.putScorecard(juror, eid, Api.scores(5, 5, 5, 5), "SUBMITTED"), 404);
        as(juror).get("/api/competitions/{cid}/entries", cid).then().statusCode(200).body("total", equalTo(0));
        assertThat(Api.queue(juror, cid)).isEmpty();
    }

    // ---- 409 --------------------------------------------------------------------------------

    @Test
    void illegalTransitionIs409WithTheAllowedOnes() {
        long cid = Api.createCompetition(c -> { });
        problem(Api.postTransition(cid, "JUDGING"), 409)
                .body("currentStatus", equalTo("DRAFT"))
                .body("allowed", contains("OPEN"));
        problem(Api.postTransition(cid, "PUBLISHED"), 409).body("allowed", contains("OPEN"));
        organiser().get("/api/competitions/{cid}", cid).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aTransitionWithoutATargetOrWithAnUnknownOneIs422() {
        long cid = Api.createCompetition(c -> { });
        problem(organiser().contentType(ContentType.JSON).body("{}")
                .post("/api/competitions/{cid}/transitions", cid), 422)
                .body("violations.field", contains("to"));
        problem(Api.postTransition(cid, "ARCHIVED"), 422).body("violations.field", contains("to"));
        organiser().get("/api/competitions/{cid}", cid).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void freezingOutsideJudgingIs409() {
        long cid = Api.createCompetition(c -> { });
        problem(organiser().post("/api/competitions/{cid}/shortlist", cid), 409)
                .body("currentStatus", equalTo("DRAFT"));
        Api.transition(cid, "OPEN");
        problem(organiser().post("/api/competitions/{cid}/shortlist", cid), 409)
                .body("currentStatus", equalTo("OPEN"));
        problem(organiser().get("/api/competitions/{cid}/shortlist", cid), 404);
        organiser().get("/api/competitions/{cid}", cid).then().body("status", equalTo("OPEN"));
    }

    // ---- 413 --------------------------------------------------------------------------------

    @Test
    void aFileOverTheCategoryLimitIs413AndNothingIsStored() {
        long cid = Api.createOpenCompetition(c -> c.put("categories", List.of(
                Api.category(POSTER, "Posters", List.of("image/jpeg", "image/png"), 10_000))));
        Account school = Api.createSchool();
        assertThat(JPEG.bytes().length).isGreaterThan(10_000);

        problem(Api.postEntry(school, cid, Api.entryBody(POSTER), JPEG), 413)
                .body("limitBytes", equalTo(10_000))
                .body("detail", containsString("poster-01.jpg"));
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    // ---- 415 --------------------------------------------------------------------------------

    @Test
    void aPngNamedPdfIs415AndNothingIsStored() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        // In plain words, not MIME types: what the file is and what the category takes.
        problem(Api.postEntry(school, cid, Api.entryBody(ESSAY), PNG.named("essay.pdf")), 415)
                .body("detail", containsString("a PNG image")).body("detail", containsString("PDF documents"));
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    @Test
    void aTextFileNamedPngIs415AndNothingIsStored() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        problem(Api.postEntry(school, cid, Api.entryBody(POSTER),
                FilePart.text("poster.png", "This is not a poster, just some text.\n")), 415);
        // An allowed type under the name of another allowed type is refused as well.
        problem(Api.postEntry(school, cid, Api.entryBody(POSTER), JPEG.named("poster.png")), 415);
        // One bad file among good ones: the whole entry is refused.
        problem(Api.postEntry(school, cid, Api.entryBody(POSTER), PNG, FilePart.text("notes.png", "notes")), 415);
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    // ---- 422 --------------------------------------------------------------------------------

    @Test
    void anIncompleteOrOutOfRangeScorecardIs422NamingTheCriteria() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        long eid = Api.createEntry(school, cid, POSTER, JPEG);
        Api.submit(school, eid);
        Api.transition(cid, "JUDGING");
        Account juror = Api.createJuror();
        Api.assignEveryJuror(cid);

        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("message", 11);   // above the 0..10 scale
        scores.put("creativity", -1); // below it
        scores.put("clarity", 5);     // "safety" is missing
        problem(Api.putScorecard(juror, eid, scores, "SUBMITTED"), 422)
                .body("violations.field", hasItems("scores.message", "scores.creativity", "scores.safety"))
                .body("violations.field", not(hasItem("scores.clarity")));

        scores.put("safety", 5);
        scores.put("message", 5);
        scores.put("creativity", 5);
        scores.put("originality", 5);
        problem(Api.putScorecard(juror, eid, scores, "SUBMITTED"), 422)
                .body("violations.field", contains("scores.originality"));

        // Nothing was saved.
        problem(as(juror).get("/api/entries/{eid}/scorecard", eid), 404);
    }

    @Test
    void aWindowThatClosesBeforeItOpensIs422() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String title = Api.unique("Backwards window");
        Map<String, Object> body = Api.competitionBody();
        body.put("title", title);
        body.put("submissionOpensAt", now.plusDays(2).toString());
        body.put("submissionClosesAt", now.plusDays(1).toString());
        problem(Api.postCompetition(body), 422).body("violations.field", hasItem("submissionClosesAt"));
        organiser().get("/api/competitions").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void anInvalidFieldIs422NamingItAsInTheJsonBody() {
        String title = Api.unique("Invalid category");
        Map<String, Object> body = Api.competitionBody();
        body.put("title", title);
        body.put("categories", List.of(
                Api.category(POSTER, "Posters", List.of("image/jpeg"), 10_000_000),
                Api.category("Bad Code!", "Essays", List.of("application/pdf", " "), 10_000_000)));
        problem(Api.postCompetition(body), 422)
                .body("violations.field", hasItems("categories[1].code", "categories[1].allowedTypes[1]"));
        organiser().get("/api/competitions").then().statusCode(200).body("title", not(hasItem(title)));
    }

    @Test
    void aFirstNameWithASurnameIs422AndNothingIsStored() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Map<String, Object> body = Api.entryBody(POSTER);
        body.put("participants", List.of(Api.participant("Asha", 7), Api.participant("Riya Sen", 7)));

        problem(Api.postEntry(school, cid, body, JPEG), 422)
                .body("violations.field", contains("participants[1].firstName"));
        assertThat(Api.entryCount(as(school), cid)).isZero();

        // The same rule holds when editing.
        long eid = Api.createEntry(school, cid, POSTER, JPEG);
        problem(as(school).contentType(ContentType.JSON)
                .body(Map.of("participants", List.of(Api.participant("Riya Sen", 7))))
                .patch("/api/entries/{eid}", eid), 422)
                .body("violations.field", contains("participants[0].firstName"));
        as(school).get("/api/entries/{eid}", eid).then().body("participants.firstName", contains("Asha"));
    }

    @Test
    void anEntryWithoutFilesIs422() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        problem(Api.postEntry(school, cid, Api.entryBody(POSTER)), 422).body("violations.field", contains("files"));
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }
}
