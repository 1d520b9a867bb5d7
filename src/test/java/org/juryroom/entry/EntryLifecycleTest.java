package org.juryroom.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.juryroom.support.Api;
import org.juryroom.support.Api.Account;
import org.juryroom.support.Api.FilePart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.juryroom.support.Api.ESSAY;
import static org.juryroom.support.Api.POSTER;
import static org.juryroom.support.Api.as;
import static org.juryroom.support.Api.organiser;

/** An entry from the school's side, from creation to withdrawal, and what a juror is shown of it. */
@QuarkusTest
class EntryLifecycleTest {

    private static final FilePart JPEG = FilePart.sample("posters/poster-01.jpg");
    private static final FilePart PNG = FilePart.sample("posters/poster-07.png");
    private static final FilePart PDF = FilePart.sample("essays/essay-01.pdf");

    @Test
    void createDownloadEditSubmitWithdraw() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();

        // Create: 201, Location, an anonymous code, the file as uploaded (size and SHA-256).
        Response created = Api.postEntry(school, cid, Api.entryBody(POSTER), JPEG);
        JsonPath entry = created.then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("code", matchesPattern("E-[2-9A-Z]{5}"))
                .body("files", hasSize(1))
                .body("files[0].name", equalTo("poster-01.jpg"))
                .body("files[0].contentType", equalTo("image/jpeg"))
                .body("files[0].size", equalTo(JPEG.bytes().length))
                .body("files[0].sha256", matchesPattern("[0-9a-f]{64}"))
                .body("files[0].sha256", equalTo(JPEG.sha256()))
                .extract().jsonPath();
        long eid = entry.getLong("id");
        long fileId = entry.getLong("files[0].id");
        assertThat(created.header("Location")).endsWith("/api/entries/" + eid);
        as(school).get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("code", equalTo(entry.getString("code"))).body("status", equalTo("DRAFT"));

        // Download by the owner: the same bytes, as an attachment, never sniffed.
        Response download = as(school).get("/api/entries/{eid}/files/{fid}", eid, fileId);
        download.then().statusCode(200)
                .contentType(startsWith("image/jpeg"))
                .header("Content-Disposition", startsWith("attachment"))
                .header("Content-Disposition", containsString("filename*=UTF-8''poster-01.jpg"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        assertThat(download.asByteArray()).isEqualTo(JPEG.bytes());

        // Edit while DRAFT. A child added is given nothing by the earlier ticks: the teacher ticks again
        // for the children now listed (a guardian's own record would be sent per child).
        as(school).contentType(ContentType.JSON)
                .body(Map.of("title", "Pause, Think, Then Click",
                        "participants", List.of(Api.participant("Ishaan", 7), Api.participant("Noor", 6))))
                .patch("/api/entries/{eid}", eid)
                .then().statusCode(200).body("consent.judging", equalTo(false));
        as(school).contentType(ContentType.JSON).body(Map.of("consent", Api.consent(true, true, true)))
                .patch("/api/entries/{eid}", eid)
                .then().statusCode(200).body("consent.judging", equalTo(true))
                .body("title", equalTo("Pause, Think, Then Click"))
                .body("participants.firstName", contains("Ishaan", "Noor"))
                .body("participants.grade", contains(7, 6))
                .body("categoryCode", equalTo(POSTER));

        // Add a file, then delete it.
        long added = Api.postFiles(school, eid, PNG).then().statusCode(201)
                .body("$", hasSize(1))
                .body("[0].contentType", equalTo("image/png"))
                .body("[0].sha256", equalTo(PNG.sha256()))
                .extract().jsonPath().getLong("[0].id");
        as(school).get("/api/entries/{eid}", eid).then().statusCode(200).body("files.id", hasSize(2));
        as(school).delete("/api/entries/{eid}/files/{fid}", eid, added).then().statusCode(204);
        as(school).get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("files.id", contains((int) fileId));
        Api.problem(as(school).get("/api/entries/{eid}/files/{fid}", eid, added), 404);

        // Submit; a submitted entry is locked.
        Api.postSubmit(school, eid).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedAt", notNullValue());
        Api.problem(as(school).contentType(ContentType.JSON).body(Map.of("title", "Too late"))
                .patch("/api/entries/{eid}", eid), 409);
        Api.problem(Api.postFiles(school, eid, PNG), 409);
        Api.problem(as(school).delete("/api/entries/{eid}/files/{fid}", eid, fileId), 409);
        Api.problem(Api.postSubmit(school, eid), 409);
        as(school).get("/api/entries/{eid}", eid).then().body("title", equalTo("Pause, Think, Then Click"));

        // Withdraw (the competition is still OPEN); once only.
        as(school).post("/api/entries/{eid}/withdraw", eid).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Api.problem(as(school).post("/api/entries/{eid}/withdraw", eid), 409);
        Api.problem(Api.postSubmit(school, eid), 409);
    }

    @Test
    void submitBeforeTheWindowOpensIsRefused() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long cid = Api.createOpenCompetition(c -> {
            c.put("submissionOpensAt", now.plusDays(1).toString());
            c.put("submissionClosesAt", now.plusDays(2).toString());
        });
        Account school = Api.createSchool();
        // Drafting ahead of the window is allowed while the competition is OPEN...
        long eid = Api.createEntry(school, cid, POSTER, JPEG);
        // ...handing in is not.
        Api.problem(Api.postSubmit(school, eid), 409)
                .body("currentStatus", equalTo("OPEN"))
                .body("submissionOpensAt", notNullValue());
        as(school).get("/api/entries/{eid}", eid).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void submitAfterTheWindowClosedIsRefused() throws InterruptedException {
        Instant closes = Instant.now().plusSeconds(6);
        long cid = Api.createOpenCompetition(c -> c.put("submissionClosesAt", closes.toString()));
        Account school = Api.createSchool();
        long eid = Api.createEntry(school, cid, POSTER, JPEG);

        long wait = Duration.between(Instant.now(), closes).toMillis() + 200;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        Api.problem(Api.postSubmit(school, eid), 409).body("submissionClosesAt", notNullValue());
        Api.problem(Api.postEntry(school, cid, Api.entryBody(POSTER), JPEG), 409);
        Api.problem(as(school).contentType(ContentType.JSON).body(Map.of("title", "Late edit"))
                .patch("/api/entries/{eid}", eid), 409);
        as(school).get("/api/entries/{eid}", eid).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void entriesOnlyWhileTheCompetitionIsOpen() {
        long cid = Api.createCompetition(c -> { });
        Account school = Api.createSchool();
        Api.problem(Api.postEntry(school, cid, Api.entryBody(POSTER), JPEG), 409)
                .body("currentStatus", equalTo("DRAFT"));
        assertThat(Api.entryCount(as(school), cid)).isZero();
    }

    @Test
    void aSchoolCannotExceedItsEntryLimit() {
        long cid = Api.createOpenCompetition(c -> c.put("maxEntriesPerSchool", 1));
        Account school = Api.createSchool();
        long first = Api.createEntry(school, cid, POSTER, JPEG);

        Api.problem(Api.postEntry(school, cid, Api.entryBody(ESSAY), PDF), 409).body("limit", equalTo(1))
                .body("detail", equalTo("This school already has 1 entry; the limit is 1"));
        // In Hindi too, one entry is one प्रविष्टि.
        Api.problem(as(school).header("Accept-Language", "hi").multiPart(new io.restassured.builder.MultiPartSpecBuilder(
                        Api.json(Api.entryBody(ESSAY))).controlName("entry").mimeType("application/json")
                        .charset(java.nio.charset.StandardCharsets.UTF_8).build())
                .multiPart("files", PDF.fileName(), PDF.bytes()).post("/api/competitions/{cid}/entries", cid), 409)
                .body("detail", equalTo("इस विद्यालय की पहले से 1 प्रविष्टि है; सीमा 1 है"));
        assertThat(Api.entryCount(as(school), cid)).isEqualTo(1);

        // Another school has a limit of its own.
        Api.createEntry(Api.createSchool(), cid, ESSAY, PDF);

        // A withdrawn entry frees its place.
        as(school).post("/api/entries/{eid}/withdraw", first).then().statusCode(200);
        Api.createEntry(school, cid, ESSAY, PDF);
        assertThat(Api.entryCount(as(school), cid)).isEqualTo(2);
    }

    @Test
    void submittingWithoutConsentToJudgingNamesTheMissingConsent() {
        long cid = Api.createOpenCompetition();
        Account school = Api.createSchool();
        Map<String, Object> body = Api.entryBody(ESSAY);
        body.put("consent", Api.consent(false, true, true));
        long eid = Api.createEntry(school, cid, body, PDF).getLong("id");

        Api.problem(Api.postSubmit(school, eid), 422)
                .body("violations.field", hasItem("consent.judging"));
        as(school).get("/api/entries/{eid}", eid).then().body("status", equalTo("DRAFT"));

        // Once the consent is recorded the entry can go in.
        as(school).contentType(ContentType.JSON).body(Map.of("consent", Api.consent(true, false, false)))
                .patch("/api/entries/{eid}", eid).then().statusCode(200).body("consent.judging", equalTo(true));
        Api.submit(school, eid);
    }

    @Test
    void anAssignedJurorSeesABlindEntry() {
        long cid = Api.createOpenCompetition();
        String schoolName = Api.unique("Greenfield Convent School");
        Account school = Api.createSchool(schoolName);
        Account juror = Api.createJuror();
        Map<String, Object> body = Api.entryBody(POSTER);
        body.put("title", "Strangers Online Are Still Strangers");
        body.put("participants", List.of(Api.participant("Ishaan", 7), Api.participant("Meher", 7)));
        String uploadName = "Ishaan_and_Meher_poster.jpg";
        JsonPath created = Api.createEntry(school, cid, body, JPEG.named(uploadName));
        long eid = created.getLong("id");
        long fileId = created.getLong("files[0].id");
        String code = created.getString("code");
        assertThat(created.getString("files[0].name")).isEqualTo(uploadName);
        Api.submit(school, eid);
        Api.transition(cid, "JUDGING");
        Api.assignEveryJuror(cid);

        String blind = as(juror).get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("code", equalTo(code))
                .body("title", equalTo("Strangers Online Are Still Strangers"))
                .body("categoryCode", equalTo(POSTER))
                .body("school", nullValue())
                .body("participants", nullValue())
                .body("consent", nullValue())
                .body("files", hasSize(1))
                .body("files[0].name", equalTo(code + "-file" + fileId + ".jpg"))
                .extract().asString();
        assertThat(blind).doesNotContain(schoolName)
                .doesNotContain("Ishaan").doesNotContain("Meher")
                .doesNotContain(uploadName)
                .doesNotContain("Ms. Rao")
                .doesNotContain(school.username());

        // The juror's list and the file download are just as blind.
        String list = as(juror).get("/api/competitions/{cid}/entries", cid).then().statusCode(200)
                .body("items.id", contains((int) eid)).extract().asString();
        assertThat(list).doesNotContain(schoolName).doesNotContain("Ishaan");
        Response file = as(juror).get("/api/entries/{eid}/files/{fid}", eid, fileId);
        file.then().statusCode(200).header("Content-Disposition", endsWith(code + "-file" + fileId + ".jpg"));
        assertThat(file.header("Content-Disposition")).doesNotContain("Ishaan");
        assertThat(file.asByteArray()).isEqualTo(JPEG.bytes());

        // The organiser still sees everything.
        organiser().get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("school.name", equalTo(schoolName))
                .body("participants.firstName", contains("Ishaan", "Meher"));
    }
}
