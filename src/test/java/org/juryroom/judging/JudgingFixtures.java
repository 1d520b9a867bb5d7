package org.juryroom.judging;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.juryroom.support.RealStack;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Small HTTP fixtures for the judging tests: every call goes through the public API, and every
 * name is unique, so tests never depend on each other or on global counts. (The shared
 * support.Api helpers will replace this once merged.)
 */
public final class JudgingFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The body as JSON with decimals as doubles (REST Assured's default, float, loses the digits we compare). */
    public static io.restassured.path.json.JsonPath json(Response response) {
        return new io.restassured.path.json.JsonPath(response.asString()).using(
                io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                        .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private JudgingFixtures() {
    }

    /** A sign-in. */
    public record Login(String username, String password) {
        public RequestSpecification as() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    public record SchoolAccount(long id, String name, String district, Login login) {
    }

    public record JurorAccount(long id, String name, Login login) {
    }

    public static final Login ORGANISER = new Login("organiser", RealStack.ORGANISER_PASSWORD);

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** A made-up first name (letters only, as the entry rules require), unique enough to search for. */
    public static String firstName() {
        int n = SEQ.incrementAndGet();
        StringBuilder sb = new StringBuilder("Zor");
        for (int i = 0; i < 4; i++) {
            sb.append((char) ('a' + (n % 26)));
            n /= 26;
        }
        return sb.append((char) ('a' + RANDOM_LETTER.nextInt(26))).append((char) ('a' + RANDOM_LETTER.nextInt(26)))
                .toString();
    }

    private static final java.util.Random RANDOM_LETTER = new java.util.Random();

    public static String unique(String prefix) {
        return prefix + " " + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * An OPEN competition: categories poster (PNG) and essay (PDF); criteria message (weight 2,
     * 1-10) and craft (weight 1, 0-5). Submission window open now.
     */
    public static long openCompetition(int shortlistSize) {
        return openCompetition(shortlistSize, Map.of());
    }

    public static long openCompetition(int shortlistSize, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "title", unique("Competition"),
                "theme", "Staying safe online",
                "submissionOpensAt", OffsetDateTime.now().minusDays(1).toString(),
                "submissionClosesAt", OffsetDateTime.now().plusDays(30).toString(),
                "shortlistSize", shortlistSize,
                "maxEntriesPerSchool", 50,
                "categories", List.of(
                        Map.of("code", "poster", "name", "Poster", "allowedTypes", List.of("image/png"),
                                "maxFileBytes", 5_000_000),
                        Map.of("code", "essay", "name", "Essay", "allowedTypes", List.of("application/pdf"),
                                "maxFileBytes", 5_000_000)),
                "criteria", List.of(
                        Map.of("code", "message", "name", "Message", "weight", 2, "minScore", 1, "maxScore", 10),
                        Map.of("code", "craft", "name", "Craft", "weight", 1, "minScore", 0, "maxScore", 5))));
        body.putAll(extra);
        long cid = ORGANISER.as().contentType(ContentType.JSON).body(body).post("/api/competitions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        transition(cid, "OPEN");
        return cid;
    }

    public static void transition(long cid, String to) {
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/competitions/{cid}/transitions", cid).then().statusCode(200);
    }

    public static SchoolAccount school(String district) {
        String name = unique("School");
        var json = ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", district, "contactName", "Teacher",
                        "contactEmail", "t" + SEQ.incrementAndGet() + "@school.example", "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        return new SchoolAccount(json.getLong("id"), name, district,
                new Login(json.getString("username"), json.getString("password")));
    }

    public static JurorAccount juror() {
        String name = unique("Juror");
        var json = ORGANISER.as().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", "j" + SEQ.incrementAndGet() + "@jury.example", "invite", false))
                .post("/api/jurors").then().statusCode(201).extract().jsonPath();
        return new JurorAccount(json.getLong("id"), name, new Login(json.getString("username"),
                json.getString("password")));
    }

    /** A file as a school uploads it: its name, its bytes and the type the browser claims. */
    public record Upload(String name, byte[] bytes, String contentType) {
        public static Upload png(String name, byte[] bytes) {
            return new Upload(name, bytes, "image/png");
        }
    }

    /** A DRAFT poster entry of the school with one clean PNG and the given children. */
    public static long draftEntry(long cid, SchoolAccount school, String title, String statement,
                                  List<String> firstNames, boolean publishWork, boolean publishNames) {
        return draftEntry(cid, school, "poster", title, statement, firstNames, publishWork, publishNames,
                Upload.png(firstNames.get(0) + "_poster.png", png()));
    }

    /** A DRAFT entry of the school in the given category, with one file and the given children. */
    public static long draftEntry(long cid, SchoolAccount school, String categoryCode, String title, String statement,
                                  List<String> firstNames, boolean publishWork, boolean publishNames, Upload file) {
        List<Map<String, Object>> participants = new ArrayList<>();
        firstNames.forEach(n -> participants.add(Map.of("firstName", n, "grade", 7)));
        Map<String, Object> entry = Map.of("title", title, "categoryCode", categoryCode,
                "statement", statement == null ? "" : statement, "participants", participants,
                "consent", Map.of("judging", true, "publishWork", publishWork, "publishNames", publishNames,
                        "attestedBy", "Class teacher"));
        return school.login().as().multiPart("entry", toJson(entry), "application/json")
                .multiPart("files", file.name(), file.bytes(), file.contentType())
                .post("/api/competitions/{cid}/entries", cid).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long submittedEntry(long cid, SchoolAccount school, String title, String statement,
                                      List<String> firstNames) {
        long eid = draftEntry(cid, school, title, statement, firstNames, true, true);
        submit(school, eid);
        return eid;
    }

    public static void submit(SchoolAccount school, long eid) {
        school.login().as().post("/api/entries/{eid}/submit", eid).then().statusCode(200);
    }

    /** Replaces the competition's jury: juror id → category codes (empty list = all categories). */
    public static void panels(long cid, Map<Long, List<String>> jurors) {
        List<Map<String, Object>> members = new ArrayList<>();
        jurors.forEach((id, cats) -> members.add(Map.of("jurorId", id, "categories", cats)));
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("jurors", members))
                .put("/api/competitions/{cid}/panels", cid).then().statusCode(200);
    }

    public static Response assign(long cid, int k, long seed) {
        return ORGANISER.as().contentType(ContentType.JSON).body(Map.of("jurorsPerEntry", k, "seed", seed))
                .post("/api/competitions/{cid}/assignments", cid);
    }

    /** Saves a scorecard (message 1-10, craft 0-5). */
    public static Response score(JurorAccount juror, long eid, int message, int craft, String status) {
        return juror.login().as().contentType(ContentType.JSON)
                .body(Map.of("scores", Map.of("message", message, "craft", craft), "status", status))
                .put("/api/entries/{eid}/scorecard", eid);
    }

    public static void submitScore(JurorAccount juror, long eid, int message, int craft) {
        score(juror, eid, message, craft, "SUBMITTED").then().statusCode(200);
    }

    /** The weighted 0-100 total of (message, craft) with this fixture's rubric. */
    public static double total(int message, int craft) {
        return 100.0 * (2.0 * (message - 1) / 9.0 + 1.0 * craft / 5.0) / 3.0;
    }

    public static List<Long> queue(JurorAccount juror, long cid) {
        return juror.login().as().queryParam("competition", cid).queryParam("size", 500)
                .get("/api/me/assignments").then().statusCode(200)
                .extract().jsonPath().getList("items.entryId", Long.class);
    }

    /** A competition in JUDGING with its schools, jurors and submitted entries; nobody assigned yet. */
    public record World(long cid, List<SchoolAccount> schools, List<JurorAccount> jurors, List<Long> entries) {
        public SchoolAccount school(int i) {
            return schools.get(i);
        }

        public JurorAccount juror(int i) {
            return jurors.get(i);
        }

        public long entry(int i) {
            return entries.get(i);
        }
    }

    /**
     * {@code entriesPerSchool} submitted poster entries for each of {@code schools} schools, and
     * {@code jurors} jurors forming the competition's jury; the competition is moved to JUDGING.
     */
    public static World world(int schools, int entriesPerSchool, int jurors, int shortlistSize) {
        long cid = openCompetition(shortlistSize);
        String district = unique("District");
        List<SchoolAccount> schoolList = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            SchoolAccount school = school(district);
            schoolList.add(school);
            for (int i = 0; i < entriesPerSchool; i++) {
                entries.add(submittedEntry(cid, school, "Work " + s + "." + i, "Our message to classmates.",
                        List.of(firstName())));
            }
        }
        List<JurorAccount> jurorList = new ArrayList<>();
        Map<Long, List<String>> jury = new java.util.LinkedHashMap<>();
        for (int j = 0; j < jurors; j++) {
            JurorAccount juror = juror();
            jurorList.add(juror);
            jury.put(juror.id(), List.of());
        }
        panels(cid, jury);
        transition(cid, "JUDGING");
        return new World(cid, schoolList, jurorList, entries);
    }

    /** A tiny PNG, different every time (the bytes never contain text). */
    public static byte[] png() {
        return png(Map.of());
    }

    /**
     * A tiny PNG, different every time, with the given text chunks (keyword → value, as tEXt:
     * uncompressed, e.g. Author or Copyright as image editors write them).
     */
    public static byte[] png(Map<String, String> text) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, SEQ.incrementAndGet() * 7919);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    null);
            if (!text.isEmpty()) {
                IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
                text.forEach((keyword, value) -> {
                    IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                    entry.setAttribute("keyword", keyword);
                    entry.setAttribute("value", value);
                    chunk.appendChild(entry);
                });
                IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
                root.appendChild(chunk);
                metadata.mergeTree(PNG_METADATA, root);
            }
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Every text chunk of a PNG (tEXt, zTXt, iTXt), decompressed as ImageIO reads them: name=value lines. */
    public static String pngText(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree(PNG_METADATA);
            StringBuilder out = new StringBuilder();
            for (org.w3c.dom.Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                if (!List.of("tEXt", "zTXt", "iTXt").contains(chunk.getNodeName())) {
                    continue;
                }
                for (org.w3c.dom.Node e = chunk.getFirstChild(); e != null; e = e.getNextSibling()) {
                    var attributes = e.getAttributes();
                    for (int i = 0; i < attributes.getLength(); i++) {
                        out.append(attributes.item(i).getNodeName()).append('=')
                                .append(attributes.item(i).getNodeValue()).append('\n');
                    }
                }
            }
            reader.dispose();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
