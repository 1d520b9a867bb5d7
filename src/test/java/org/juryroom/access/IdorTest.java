package org.juryroom.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.juryroom.judging.JudgingProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * School A tries every kind of operation on school B's objects while they are still editable (so
 * that a 404 cannot be a locked entry's 409 in disguise): each answer is 404, the same as for an
 * id that does not exist, and school B can still do each of them itself.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class IdorTest {

    record Attempt(String what, Function<RequestSpecification, Response> call, int ownerStatus) {
    }

    @Test
    void schoolAGets404OnEverySchoolBObject() {
        long cid = JudgingFixtures.openCompetition(1);
        String district = JudgingFixtures.unique("District");
        SchoolAccount a = JudgingFixtures.school(district);
        SchoolAccount b = JudgingFixtures.school(district);
        long own = JudgingFixtures.draftEntry(cid, a, "A's entry", "s", List.of("Ana"), true, true);
        long theirs = JudgingFixtures.draftEntry(cid, b, "B's entry", "s", List.of("Bela"), true, true);
        long theirFile = b.login().as().get("/api/entries/{eid}", theirs).jsonPath().getLong("files[0].id");
        long missing = 999_999_999L;

        List<Attempt> attempts = List.of(
                new Attempt("read entry", s -> s.get("/api/entries/" + theirs), 200),
                new Attempt("download file", s -> s.get("/api/entries/" + theirs + "/files/" + theirFile), 200),
                new Attempt("download file via own entry", s -> s.get("/api/entries/" + own + "/files/" + theirFile), 404),
                new Attempt("update entry", s -> s.contentType(ContentType.JSON).body(Map.of("title", "Mine now"))
                        .patch("/api/entries/" + theirs), 200),
                new Attempt("add file", s -> s.multiPart("files", "x.png", JudgingFixtures.png(), "image/png")
                        .post("/api/entries/" + theirs + "/files"), -1),
                new Attempt("delete file via own entry", s -> s.delete("/api/entries/" + own + "/files/" + theirFile), 404),
                new Attempt("submit entry", s -> s.post("/api/entries/" + theirs + "/submit"), 200),
                new Attempt("withdraw entry", s -> s.post("/api/entries/" + theirs + "/withdraw"), 200));
        for (Attempt attempt : attempts) {
            Response byA = attempt.call().apply(a.login().as());
            assertThat(byA.statusCode()).as("school A: " + attempt.what()).isEqualTo(404);
            // Indistinguishable from an entry that does not exist.
            assertThat(byA.jsonPath().getString("title")).isEqualTo("Not found");
        }
        a.login().as().get("/api/entries/" + missing).then().statusCode(404).body("title", equalTo("Not found"));
        a.login().as().delete("/api/entries/" + theirs + "/files/" + theirFile).then().statusCode(404);

        // Lists and counts do not show it either.
        a.login().as().get("/api/competitions/{cid}/entries", cid).then().statusCode(200)
                .body("items.id", not(hasItem((int) theirs))).body("total", equalTo(1));

        // The owner can do every one of them (in this order the entry ends withdrawn).
        for (Attempt attempt : attempts) {
            if (attempt.ownerStatus() > 0) {
                assertThat(attempt.call().apply(b.login().as()).statusCode()).as("school B: " + attempt.what())
                        .isEqualTo(attempt.ownerStatus());
            }
        }
        b.login().as().get("/api/entries/{eid}", theirs).then().body("status", equalTo("WITHDRAWN"))
                .body("title", equalTo("Mine now"));
        // And deleting its own file works for B while A's attempt never touched it.
        long second = JudgingFixtures.draftEntry(cid, b, "B's second", "s", List.of("Bela"), true, true);
        long secondFile = b.login().as().get("/api/entries/{eid}", second).jsonPath().getLong("files[0].id");
        a.login().as().delete("/api/entries/{eid}/files/{fid}", second, secondFile).then().statusCode(404);
        b.login().as().get("/api/entries/{eid}/files/{fid}", second, secondFile).then().statusCode(200);
        b.login().as().delete("/api/entries/{eid}/files/{fid}", second, secondFile).then().statusCode(204);
    }
}
