package org.juryroom.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DemoSeedTest {

    @Inject
    DemoSeed seed;

    @Test
    void seedsTheStaySafeOnlineDemoOnceWithEveryEntryStoredAndJudgingUnderWay() throws Exception {
        seed.seed(Path.of("uploads-sample"));
        assertThat(seed.seed(Path.of("uploads-sample"))).as("a second run seeds nothing").isFalse();

        List<Integer> ids = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/competitions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.title == 'Stay Safe Online' }.id");
        assertThat(ids).as("exactly one demo competition").hasSize(1);
        // The demo's safeguarding lead opens the desk.
        given().auth().preemptive().basic("safeguarding", "safeguarding").get("/api/safeguarding/concerns")
                .then().statusCode(200);
        long cid = ids.get(0);

        JsonPath entries = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .queryParam("size", 100).get("/api/competitions/" + cid + "/entries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(entries.getInt("total")).isEqualTo(DemoSeed.ENTRIES);
        assertThat(entries.getList("items.status")).containsOnly("SUBMITTED");

        // Every entry's file made it to the store: the owner school can download it.
        JsonPath first = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/entries/" + entries.getLong("items[0].id")).then().statusCode(200).extract().jsonPath();
        given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/entries/" + first.getLong("id") + "/files/" + first.getLong("files[0].id"))
                .then().statusCode(200);

        // Every demo child has its guardian's own record, with judging given (the entries are submitted).
        java.util.Set<List<String>> scopeSets = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            JsonPath e = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                    .get("/api/entries/" + entries.getLong("items[" + i + "].id")).then().statusCode(200)
                    .extract().jsonPath();
            for (int p = 0; p < e.getList("participants").size(); p++) {
                String at = "participants[" + p + "].consent.";
                assertThat(e.getString(at + "guardianName")).isNotBlank();
                assertThat(e.getString(at + "withdrawUrl")).startsWith("/consent/");
                assertThat(e.getList(at + "scopes", String.class)).contains("judging");
                scopeSets.add(e.getList(at + "scopes", String.class));
            }
            assertThat(e.getBoolean("consent.judging")).isTrue();
        }
        assertThat(scopeSets).as("the demo's guardians agreed to different things").hasSizeGreaterThan(1);

        // Four jurors scored their queues; the designer's queue is still to do. Each entry has three
        // jurors of the demo jury, at most one of them the designer, so every entry is ranked.
        JsonPath ranking = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .queryParam("size", 100).get("/api/competitions/" + cid + "/ranking")
                .then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getInt("total")).isEqualTo(DemoSeed.ENTRIES);
        assertThat(given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/competitions/" + cid + "/panels").then().statusCode(200).extract().jsonPath()
                .getList("name")).hasSize(5).contains("Ananya Roy");
        JsonPath queue = given().auth().preemptive().basic("designer", "designer")
                .queryParam("competition", cid).get("/api/me/assignments")
                .then().statusCode(200).extract().jsonPath();
        assertThat(queue.getInt("total")).isPositive();
        assertThat(queue.getList("items.scorecardStatus")).containsOnly("NONE");
    }

    @Test
    void seedsAnOpenCallASchoolCanEnterAndADataDirectorySeededBeforeItGetsItOnce() throws Exception {
        seed.seed(Path.of("uploads-sample"));
        assertThat(openCalls()).as("one open call").hasSize(1);
        long cid = openCalls().get(0);
        JsonPath c = given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/competitions/" + cid).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("status")).isEqualTo("OPEN");
        assertThat(java.time.Instant.parse(c.getString("submissionClosesAt")))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));

        // A demo school enters it: the school journey works on the demo as seeded.
        given().auth().preemptive().basic("school01", "school01")
                .multiPart("entry", "{\"title\":\"Tell someone\",\"categoryCode\":\"poster\",\"participants\":"
                        + "[{\"firstName\":\"Riya\",\"grade\":7}],\"consent\":{\"judging\":true,\"publishWork\":true,"
                        + "\"publishNames\":false,\"attestedBy\":\"Class teacher\"}}", "application/json")
                .multiPart("files", "poster.jpg", java.nio.file.Files.readAllBytes(
                        Path.of("uploads-sample/posters/poster-01.jpg")), "image/jpeg")
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201);

        // A data directory seeded before the open call existed has the judging demo's marker only:
        // the next start adds the open call, and only it.
        try (var db = java.sql.DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             var delete = db.prepareStatement("delete from seed_marker where name = ?")) {
            delete.setString(1, DemoSeed.OPEN_CALL_MARKER);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        assertThat(seed.seed(Path.of("uploads-sample"))).isTrue();
        assertThat(openCalls()).hasSize(2);
        assertThat(seed.seed(Path.of("uploads-sample"))).isFalse();
        assertThat(openCalls()).hasSize(2);
        assertThat(given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/competitions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.title == 'Stay Safe Online' }.id")).hasSize(1);
    }

    private static List<Long> openCalls() {
        return given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD)
                .get("/api/competitions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.title == '" + DemoSeed.OPEN_CALL_TITLE + "' }.id", Long.class);
    }
}
