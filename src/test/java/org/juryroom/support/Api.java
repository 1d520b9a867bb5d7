package org.juryroom.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

/**
 * The JuryRoom API as the tests drive it: who is asking ({@link #organiser()}, {@link #as}), and
 * the usual set-up steps (a competition, schools, jurors, entries with sample files). Every name
 * it makes is unique, so tests never see each other's data and never depend on what else exists.
 */
public final class Api {

    public static final String ORGANISER = "organiser";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The default rubric: codes in rubric order, weights 4-3-2-1 (sum 10), every score on 0..10. */
    public static final List<String> CRITERIA = List.of("message", "creativity", "clarity", "safety");
    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 10;

    /** Category codes of the default competition. */
    public static final String POSTER = "poster";
    public static final String ESSAY = "essay";
    public static final String VIDEO = "video";

    private static final Path SAMPLES = Path.of("uploads-sample");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    /** A sign-in handed out by the API: a school's or a juror's. */
    public record Account(long id, String name, String username, String password) {
        public RequestSpecification spec() {
            return as(username, password);
        }
    }

    /** A file to upload: the name the client sends and the bytes. */
    public record FilePart(String fileName, byte[] bytes) {

        /** A file of uploads-sample/, e.g. {@code sample("posters/poster-01.jpg")}, under its own name. */
        public static FilePart sample(String relativePath) {
            Path path = SAMPLES.resolve(relativePath);
            try {
                return new FilePart(path.getFileName().toString(), Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static FilePart text(String fileName, String content) {
            return new FilePart(fileName, content.getBytes(StandardCharsets.UTF_8));
        }

        /** The same bytes under another client file name. */
        public FilePart named(String otherName) {
            return new FilePart(otherName, bytes);
        }

        public String sha256() {
            return Api.sha256(bytes);
        }
    }

    // ---- Who is asking --------------------------------------------------------------------------

    public static RequestSpecification anonymous() {
        return given();
    }

    public static RequestSpecification organiser() {
        return as(ORGANISER, RealStack.ORGANISER_PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password);
    }

    public static RequestSpecification as(Account account) {
        return account.spec();
    }

    // ---- Competitions ---------------------------------------------------------------------------

    /** A unique display name, e.g. "Hill View School 3f9a2b1c". */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The body of a valid competition: window open now (opened 1 h ago, closes in 1 day), categories
     * poster (JPEG, PNG), essay (PDF) and video (MP4) of up to 10 MB, the {@link #CRITERIA} rubric.
     * The map is mutable: tests change what they need before posting it.
     */
    public static Map<String, Object> competitionBody() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Stay Safe Online"));
        body.put("theme", "Staying safe online");
        body.put("submissionOpensAt", now.minusHours(1).toString());
        body.put("submissionClosesAt", now.plusDays(1).toString());
        body.put("shortlistSize", 25);
        body.put("maxEntriesPerSchool", 5);
        body.put("categories", List.of(
                category(POSTER, "Posters", List.of("image/jpeg", "image/png"), 10_000_000),
                category(ESSAY, "Essays", List.of("application/pdf"), 10_000_000),
                category(VIDEO, "Videos", List.of("video/mp4"), 10_000_000)));
        body.put("criteria", List.of(
                criterion("message", "Message", 4),
                criterion("creativity", "Creativity", 3),
                criterion("clarity", "Clarity", 2),
                criterion("safety", "Age-appropriate safety advice", 1)));
        return body;
    }

    public static Map<String, Object> category(String code, String name, List<String> allowedTypes, long maxFileBytes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", name);
        c.put("allowedTypes", allowedTypes);
        c.put("maxFileBytes", maxFileBytes);
        return c;
    }

    public static Map<String, Object> criterion(String code, String name, int weight) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", name);
        c.put("description", name + " (scored " + MIN_SCORE + " to " + MAX_SCORE + ")");
        c.put("weight", weight);
        c.put("minScore", MIN_SCORE);
        c.put("maxScore", MAX_SCORE);
        return c;
    }

    public static Response postCompetition(Map<String, Object> body) {
        return organiser().contentType(ContentType.JSON).body(body).post("/api/competitions");
    }

    /** Creates a DRAFT competition from {@link #competitionBody()} changed by {@code customise}; returns its id. */
    public static long createCompetition(Consumer<Map<String, Object>> customise) {
        Map<String, Object> body = competitionBody();
        customise.accept(body);
        return expect(postCompetition(body), 201)
                .header("Location", containsString("/api/competitions/"))
                .body("status", equalTo("DRAFT"))
                .extract().jsonPath().getLong("id");
    }

    /** Creates a competition and moves it to OPEN; returns its id. */
    public static long createOpenCompetition(Consumer<Map<String, Object>> customise) {
        long id = createCompetition(customise);
        transition(id, "OPEN");
        return id;
    }

    public static long createOpenCompetition() {
        return createOpenCompetition(body -> { });
    }

    public static Response postTransition(long competitionId, String to) {
        return organiser().contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/competitions/{cid}/transitions", competitionId);
    }

    public static void transition(long competitionId, String to) {
        expect(postTransition(competitionId, to), 200).body("status", equalTo(to));
    }

    // ---- Schools and jurors ---------------------------------------------------------------------

    public static Account createSchool() {
        return createSchool(unique("Hill View School"));
    }

    public static Account createSchool(String name) {
        Map<String, Object> body = Map.of("name", name, "district", "North District",
                "contactName", "Teacher " + name, "contactEmail", "contact@example.org", "invite", false);
        return account(organiser().contentType(ContentType.JSON).body(body).post("/api/schools"));
    }

    public static Account createJuror() {
        Map<String, Object> body = Map.of("name", unique("Juror"), "email", "juror@example.org",
                "expertise", "child rights", "invite", false);
        return account(organiser().contentType(ContentType.JSON).body(body).post("/api/jurors"));
    }

    private static Account account(Response response) {
        JsonPath json = expect(response, 201)
                .body("username", not(emptyOrNullString())).body("password", not(emptyOrNullString()))
                .extract().jsonPath();
        return new Account(json.getLong("id"), json.getString("name"), json.getString("username"),
                json.getString("password"));
    }

    // ---- Entries --------------------------------------------------------------------------------

    /** The JSON of a complete entry: one participant, every consent given, attested by a teacher. */
    public static Map<String, Object> entryBody(String categoryCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Think Before You Share"));
        body.put("categoryCode", categoryCode);
        body.put("statement", "Our class made this for the competition.");
        body.put("participants", List.of(participant("Asha", 7)));
        body.put("consent", consent(true, true, true));
        return body;
    }

    public static Map<String, Object> participant(String firstName, int grade) {
        return Map.of("firstName", firstName, "grade", grade);
    }

    public static Map<String, Object> consent(boolean judging, boolean publishWork, boolean publishNames) {
        return Map.of("judging", judging, "publishWork", publishWork, "publishNames", publishNames,
                "attestedBy", "Ms. Rao, class teacher");
    }

    /** POSTs an entry (the {@code entry} part as JSON, one {@code files} part per file) and returns the raw response. */
    public static Response postEntry(Account school, long competitionId, Map<String, Object> entry, FilePart... files) {
        RequestSpecification spec = as(school).multiPart(new MultiPartSpecBuilder(json(entry))
                .controlName("entry").mimeType("application/json").charset(StandardCharsets.UTF_8).build());
        return withFiles(spec, files).post("/api/competitions/{cid}/entries", competitionId);
    }

    /** Creates an entry, checks the 201, returns the created entry. */
    public static JsonPath createEntry(Account school, long competitionId, Map<String, Object> entry,
                                       FilePart... files) {
        return expect(postEntry(school, competitionId, entry, files), 201)
                .body("status", equalTo("DRAFT")).extract().jsonPath();
    }

    /** Creates a complete entry in a category with the given files; returns its id. */
    public static long createEntry(Account school, long competitionId, String categoryCode, FilePart... files) {
        return createEntry(school, competitionId, entryBody(categoryCode), files).getLong("id");
    }

    public static Response postFiles(Account school, long entryId, FilePart... files) {
        return withFiles(as(school), files).post("/api/entries/{eid}/files", entryId);
    }

    public static Response postSubmit(Account school, long entryId) {
        return as(school).post("/api/entries/{eid}/submit", entryId);
    }

    public static void submit(Account school, long entryId) {
        expect(postSubmit(school, entryId), 200).body("status", equalTo("SUBMITTED"));
    }

    /** The total of a paged entry list of a competition, as the given user sees it. */
    public static long entryCount(RequestSpecification who, long competitionId) {
        return expect(who.get("/api/competitions/{cid}/entries", competitionId), 200)
                .extract().jsonPath().getLong("total");
    }

    private static RequestSpecification withFiles(RequestSpecification spec, FilePart... files) {
        for (FilePart f : files) {
            spec = spec.multiPart("files", f.fileName(), f.bytes());
        }
        return spec;
    }

    // ---- Judging --------------------------------------------------------------------------------

    /** Runs the assignment with k jurors per entry; returns how many pairs were added. */
    public static int assign(long competitionId, int jurorsPerEntry) {
        return expect(organiser().contentType(ContentType.JSON).body(Map.of("jurorsPerEntry", jurorsPerEntry))
                .post("/api/competitions/{cid}/assignments", competitionId), 201)
                .extract().jsonPath().getInt("assignments");
    }

    /**
     * Assigns every juror (up to the API's maximum of 50 per entry) to every submitted entry. The
     * jury pool is global, so this is how a test makes sure that the juror it created sees its entry
     * whatever other jurors exist.
     */
    public static void assignEveryJuror(long competitionId) {
        assign(competitionId, 50);
    }

    /** A juror's queue for a competition (one page of up to 500 items). */
    public static List<Map<String, Object>> queue(Account juror, long competitionId) {
        return expect(as(juror).queryParam("competition", competitionId).queryParam("size", 500)
                .get("/api/me/assignments"), 200).extract().jsonPath().getList("items");
    }

    public static Response putScorecard(Account juror, long entryId, Map<String, Integer> scores, String status) {
        return as(juror).contentType(ContentType.JSON)
                .body(Map.of("scores", scores, "comment", "Scored by a test", "status", status))
                .put("/api/entries/{eid}/scorecard", entryId);
    }

    /** Scores in rubric order: {@code scores(9, 8, 7, 6)} gives message 9, creativity 8, clarity 7, safety 6. */
    public static Map<String, Integer> scores(int... values) {
        if (values.length != CRITERIA.size()) {
            throw new IllegalArgumentException("one score per criterion: " + CRITERIA);
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            scores.put(CRITERIA.get(i), values[i]);
        }
        return scores;
    }

    // ---- Statuses, problems and bytes ----------------------------------------------------------

    /** Checks the status first, showing the body when it is not the expected one; then the usual checks. */
    public static ValidatableResponse expect(Response response, int status) {
        assertThat(response.statusCode()).as("HTTP status (response body: %s)", response.asString()).isEqualTo(status);
        return response.then();
    }

    /** Checks that a response is an RFC 9457 problem with this status, and returns it for more checks. */
    public static ValidatableResponse problem(Response response, int status) {
        return expect(response, status)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()));
    }

    /**
     * RestAssured encodes a body as its Content-Type says (a form from fields, multipart from parts, XML through
     * JAXB); this sends it as the text given, for bodies a well-behaved client would never build.
     */
    public static io.restassured.config.RestAssuredConfig sendAsText(String contentType) {
        return io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .encodeContentTypeAs(contentType.replaceFirst(";.*", ""), ContentType.TEXT));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
