package org.juryroom.web;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.juryroom.support.RealStack;

import java.io.File;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.juryroom.judging.AssignmentService.MAX_JURORS_PER_ENTRY;

/**
 * Test data for the page tests, made through the public API as the organiser and schools would:
 * every name is unique, so tests never depend on each other or on the demo.
 */
public final class Fixtures {

    public record Account(long id, String name, String username, String password) {
        public RequestSpecification api() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    private Fixtures() {
    }

    public static RequestSpecification organiser() {
        return given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** An OPEN competition (window: yesterday to in ten days) with poster, essay and video, and a 3-criterion rubric. */
    public static long openCompetition(String title, int shortlistSize) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return openCompetition(title, shortlistSize, now.minusDays(1), now.plusDays(10));
    }

    /** As {@link #openCompetition(String, int)}, taking entries from {@code opens} until {@code closes}. */
    public static long openCompetition(String title, int shortlistSize, OffsetDateTime opens, OffsetDateTime closes) {
        return openCompetition(title, shortlistSize, opens, closes, 5);
    }

    /** As {@link #openCompetition(String, int, OffsetDateTime, OffsetDateTime)}, with at most {@code maxEntries} per school. */
    public static long openCompetition(String title, int shortlistSize, OffsetDateTime opens, OffsetDateTime closes,
                                       int maxEntries) {
        Map<String, Object> body = Map.of(
                "title", title,
                "theme", "Staying safe online, told by children",
                "submissionOpensAt", opens.toString(),
                "submissionClosesAt", closes.toString(),
                "shortlistSize", shortlistSize,
                "maxEntriesPerSchool", maxEntries,
                "categories", List.of(
                        Map.of("code", "poster", "name", "Poster", "allowedTypes", List.of("image/jpeg", "image/png"),
                                "maxFileBytes", 5_000_000),
                        Map.of("code", "essay", "name", "Essay", "allowedTypes", List.of("application/pdf"),
                                "maxFileBytes", 5_000_000),
                        Map.of("code", "video", "name", "Short video", "allowedTypes", List.of("video/mp4", "video/webm"),
                                "maxFileBytes", 50_000_000)),
                "criteria", List.of(
                        Map.of("code", "message", "name", "Clarity of the message",
                                "description", "Would a classmate know what to do and whom to tell?", "weight", 50,
                                "minScore", 1, "maxScore", 10),
                        Map.of("code", "originality", "name", "Originality", "description", "A fresh idea.",
                                "weight", 30, "minScore", 1, "maxScore", 10),
                        Map.of("code", "craft", "name", "Craft", "description", "Care in the making.", "weight", 20,
                                "minScore", 1, "maxScore", 10)));
        long id = organiser().contentType(ContentType.JSON).body(body).post("/api/competitions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        transition(id, "OPEN");
        return id;
    }

    public static void transition(long cid, String to) {
        organiser().contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/competitions/" + cid + "/transitions").then().statusCode(200);
    }

    public static Account school(String name) {
        JsonPath json = organiser().contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", "Test District", "contactName", "Teacher",
                        "contactEmail", "teacher@school.example", "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        return new Account(json.getLong("id"), name, json.getString("username"), json.getString("password"));
    }

    public static Account juror(String name) {
        JsonPath json = organiser().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", "juror@jury.example", "expertise", "Design", "invite", false))
                .post("/api/jurors").then().statusCode(201).extract().jsonPath();
        return new Account(json.getLong("id"), name, json.getString("username"), json.getString("password"));
    }

    /** A submitted entry of {@code school}, made through the API with a sample file; guardians agreed to everything. */
    public static long submittedEntry(Account school, long cid, String category, String title, List<String> firstNames,
                               String sample) {
        return submittedEntry(school, cid, category, title, firstNames, sample, true, true);
    }

    /** A submitted entry with chosen consent to publish the work and the first names. */
    public static long submittedEntry(Account school, long cid, String category, String title, List<String> firstNames,
                               String sample, boolean publishWork, boolean publishNames) {
        long id = draftEntry(school, cid, category, title, firstNames, sample, publishWork, publishNames);
        school.api().post("/api/entries/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** A draft entry, ready to submit, made through the API with a sample file. */
    public static long draftEntry(Account school, long cid, String category, String title, List<String> firstNames,
                                  String sample, boolean publishWork, boolean publishNames) {
        List<Map<String, Object>> participants = new ArrayList<>();
        firstNames.forEach(n -> participants.add(Map.of("firstName", n, "grade", 7)));
        String entry;
        try {
            entry = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("title", title,
                    "categoryCode", category, "statement", "Our work.", "participants", participants,
                    "consent", Map.of("judging", true, "publishWork", publishWork, "publishNames", publishNames,
                            "attestedBy", "Class teacher")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long id = school.api().multiPart(new io.restassured.builder.MultiPartSpecBuilder(entry).controlName("entry")
                        .mimeType("application/json").charset(java.nio.charset.StandardCharsets.UTF_8).build()) // not Latin-1
                .multiPart("files", new File("uploads-sample/" + sample))
                .post("/api/competitions/" + cid + "/entries").then().statusCode(201).extract().jsonPath().getLong("id");
        return id;
    }

    /** A competition in judging with one school's poster, assigned to the one juror on its jury. */
    public record OnePoster(long cid, Account school, long entryId, Account juror) {
    }

    public static OnePoster onePosterInJudging(String competition, int shortlistSize, String school, String title,
                                               String childFirstName) {
        long cid = openCompetition(unique(competition), shortlistSize);
        Account s = school(unique(school));
        long eid = submittedEntry(s, cid, "poster", title, List.of(childFirstName), "posters/poster-01.jpg");
        Account juror = juror(unique("Juror"));
        jury(cid, List.of(juror));
        transition(cid, "JUDGING");
        assign(cid, 1);
        return new OnePoster(cid, s, eid, juror);
    }

    /**
     * A PUBLISHED competition whose shortlist is one school's poster (published with its guardian's
     * consent, the child's first name shown), scored by one juror; returns the competition's id.
     */
    public static long publishedPoster(String competition, String school, String title, String childFirstName) {
        long cid = openCompetition(unique(competition), 1);
        long entry = submittedEntry(school(unique(school)), cid, "poster", title, List.of(childFirstName),
                "posters/poster-01.jpg", true, true);
        transition(cid, "JUDGING");
        Account juror = juror(unique("Juror"));
        assignEveryone(cid);
        score(juror, entry, 9, 9, 9);
        freeze(cid);
        transition(cid, "PUBLISHED");
        return cid;
    }

    /** The competition's jury: only these jurors are assigned its entries. */
    public static void jury(long cid, List<Account> jurors) {
        organiser().contentType(ContentType.JSON).body(Map.of("jurors", jurors.stream()
                        .map(j -> Map.of("jurorId", j.id(), "categories", List.of())).toList()))
                .put("/api/competitions/" + cid + "/panels").then().statusCode(200);
    }

    /** The entries in a juror's queue. */
    public static List<Long> queue(Account juror, long cid) {
        return juror.api().get("/api/me/assignments?competition=" + cid + "&size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.entryId", Long.class);
    }

    public static void assign(long cid, int jurorsPerEntry) {
        organiser().contentType(ContentType.JSON).body(Map.of("jurorsPerEntry", jurorsPerEntry, "seed", 1))
                .post("/api/competitions/" + cid + "/assignments").then().statusCode(201);
    }

    /**
     * Assigns every entry to every juror in the database: jurors are shared by all competitions,
     * so a test cannot rely on a least-loaded draw giving its own juror anything.
     */
    public static void assignEveryone(long cid) {
        newestJury(cid);
        assign(cid, jurorCount());
    }

    /**
     * An entry has at most 50 jurors. Once the shared database holds more, a draw of 50 may leave out the very
     * jurors the calling test just made, so the competition's jury becomes the 50 newest (its own among them).
     */
    public static void newestJury(long cid) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Long> some = organiser().get("/api/jurors?size=500&page=" + page).then().statusCode(200).extract()
                    .jsonPath().getList("items.id", Long.class);
            ids.addAll(some);
            if (some.size() < 500) {
                break;
            }
        }
        if (ids.size() <= MAX_JURORS_PER_ENTRY) {
            return;
        }
        List<Map<String, Object>> jury = ids.stream().sorted(Comparator.reverseOrder()).limit(MAX_JURORS_PER_ENTRY)
                .map(id -> Map.<String, Object>of("jurorId", id, "categories", List.of())).toList();
        organiser().contentType(ContentType.JSON).body(Map.of("jurors", jury))
                .put("/api/competitions/" + cid + "/panels").then().statusCode(200);
    }

    public static int jurorCount() {
        return (int) Math.min(MAX_JURORS_PER_ENTRY, organiser().get("/api/jurors?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total"));
    }

    public static void score(Account juror, long entryId, int message, int originality, int craft) {
        juror.api().contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("message", message, "originality", originality, "craft", craft),
                        "comment", "Scored in a test", "status", "SUBMITTED"))
                .put("/api/entries/" + entryId + "/scorecard").then().statusCode(200);
    }

    /**
     * Freezes the shortlist. {@link #assignEveryone} gives work to every juror of the shared test
     * database, most of whom take no part in the test: their missing scorecards are excused with a
     * reason (the remedy an organiser would use), so the freeze is not refused for missing work.
     */
    public static void freeze(long cid) {
        var attempt = organiser().post("/api/competitions/" + cid + "/shortlist");
        if (attempt.statusCode() == 201) {
            return;
        }
        List<Object> missing = attempt.then().statusCode(409).extract().jsonPath().getList("missing.jurorId");
        long rubric = organiser().get("/api/competitions/" + cid + "/rounds").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.kind == 'RUBRIC' }.id");
        organiser().contentType(ContentType.JSON)
                .body(Map.of("excuse", missing, "reason", "jurors of other tests, not part of this one"))
                .post("/api/competitions/" + cid + "/rounds/" + rubric + "/close").then().statusCode(200);
    }

    /** A screening round open before the rubric one, with one entry in the juror's queue to vote on. */
    public record ScreeningDesk(Account school, Account juror, long cid, long entryId) {
    }

    public static ScreeningDesk screeningDesk(String label) {
        Account school = school(unique(label + " School"));
        Account juror = juror(unique(label + " Juror"));
        long cid = judgingWithRound(school, juror, Map.of("kind", "SCREENING", "name", "First look",
                "jurorsPerEntry", 1, "quorum", 1), true);
        assign(cid, 1);
        return new ScreeningDesk(school, juror, cid, queue(juror, cid).get(0));
    }

    /**
     * A competition in judging with one submitted poster of {@code school} and {@code juror} on its jury, whose
     * rounds are {@code extra} and its rubric round ({@code before}: the extra round first); returns its id.
     */
    public static long judgingWithRound(Account school, Account juror, Map<String, Object> extra, boolean before) {
        long cid = openCompetition(unique("Rounds"), 1);
        long rubric = rounds(cid).get(0);
        Map<String, Object> own = Map.of("id", rubric, "kind", "RUBRIC", "name", "Rubric");
        organiser().contentType(ContentType.JSON).body(before ? List.of(extra, own) : List.of(own, extra))
                .put("/api/competitions/{cid}/rounds", cid).then().statusCode(200);
        submittedEntry(school, cid, "poster", "Round poster", List.of("Asha"), "posters/poster-01.jpg");
        jury(cid, List.of(juror));
        transition(cid, "JUDGING");
        return cid;
    }

    /** The ids of the competition's rounds, in order. */
    public static List<Long> rounds(long cid) {
        return organiser().get("/api/competitions/{cid}/rounds", cid).then().statusCode(200).extract()
                .jsonPath().getList("id", Long.class);
    }
}
