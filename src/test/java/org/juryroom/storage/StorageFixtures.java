package org.juryroom.storage;

import io.minio.MinioClient;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.juryroom.embedded.EmbeddedServices;
import org.juryroom.support.RealStack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Small API helpers for the storage tests: each test makes its own competition and school, so
 * tests never depend on each other or on global counts.
 */
final class StorageFixtures {

    static final Path SAMPLES = Path.of("uploads-sample");
    static final String BUCKET = "juryroom-test";

    record Account(String username, String password, long id) {
        RequestSpecification api() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(
                io.restassured.filter.log.LogDetail.BODY);
    }

    private StorageFixtures() {
    }

    static RequestSpecification organiser() {
        return given().auth().preemptive().basic("organiser", RealStack.ORGANISER_PASSWORD);
    }

    /** An OPEN competition with poster/essay/video categories of {@code maxFileBytes} each. */
    static long competition(long maxFileBytes, int maxEntriesPerSchool, Long maxSchoolBytes) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "title", "Storage test " + UUID.randomUUID(),
                "submissionOpensAt", OffsetDateTime.now().minusDays(1).toString(),
                "submissionClosesAt", OffsetDateTime.now().plusDays(10).toString(),
                "maxEntriesPerSchool", maxEntriesPerSchool,
                "shortlistSize", 5,
                "categories", List.of(
                        category("poster", List.of("image/jpeg", "image/png", "image/webp"), maxFileBytes),
                        category("essay", List.of("application/pdf"), maxFileBytes),
                        category("video", List.of("video/mp4", "video/webm"), maxFileBytes)),
                "criteria", List.of(Map.of("code", "message", "name", "Message", "weight", 1,
                        "minScore", 1, "maxScore", 10))));
        if (maxSchoolBytes != null) {
            body.put("maxSchoolBytes", maxSchoolBytes);
        }
        long id = organiser().contentType("application/json").body(body).post("/api/competitions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        transition(id, "OPEN");
        return id;
    }

    static long competition() {
        return competition(20L << 20, 10, null);
    }

    static void transition(long competitionId, String to) {
        organiser().contentType("application/json").body(Map.of("to", to))
                .post("/api/competitions/" + competitionId + "/transitions").then().statusCode(200);
    }

    private static Map<String, Object> category(String code, List<String> types, long maxFileBytes) {
        return Map.of("code", code, "name", code, "allowedTypes", types, "maxFileBytes", maxFileBytes);
    }

    static Account school() {
        var r = organiser().contentType("application/json").body(Map.of("name", "School " + UUID.randomUUID(),
                        "district", "Test", "contactName", "Teacher", "contactEmail", "t@school.example", "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        return new Account(r.getString("username"), r.getString("password"), r.getLong("id"));
    }

    static Account juror() {
        var r = organiser().contentType("application/json").body(Map.of("name", "Juror " + UUID.randomUUID(),
                        "email", "j" + UUID.randomUUID().toString().substring(0, 8) + "@jury.example", "invite", false))
                .post("/api/jurors").then().statusCode(201).extract().jsonPath();
        return new Account(r.getString("username"), r.getString("password"), r.getLong("id"));
    }

    static String entryJson(String category) {
        return "{\"title\":\"Stay safe\",\"categoryCode\":\"" + category + "\",\"participants\":[{\"firstName\":\"Riya\","
                + "\"grade\":7}],\"consent\":{\"judging\":true,\"publishWork\":true,\"publishNames\":false,"
                + "\"attestedBy\":\"Class teacher\"}}";
    }

    /** POST a new entry with one file of the given bytes under the given name. */
    static Response upload(Account school, long competitionId, String category, String fileName, byte[] bytes) {
        return school.api().multiPart("entry", entryJson(category), "application/json")
                .multiPart("files", fileName, bytes, "application/octet-stream")
                .post("/api/competitions/" + competitionId + "/entries");
    }

    static Response upload(Account school, long competitionId, String category, Path sample) throws Exception {
        return upload(school, competitionId, category, sample.getFileName().toString(), Files.readAllBytes(sample));
    }

    static byte[] sample(String relative) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(relative));
    }

    static MinioClient s3() {
        return MinioClient.builder().endpoint("http://127.0.0.1:" + RealStack.services().s3Port())
                .credentials(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY).build();
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
    }

    /** The keys of the objects under an entry's prefix in the bucket. */
    static List<String> objectsOf(long entryId) throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (var r : s3().listObjects(io.minio.ListObjectsArgs.builder().bucket(BUCKET)
                .prefix("entries/" + entryId + "/").recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }

    /** The keys of multipart uploads begun under an entry's prefix and neither completed nor aborted. */
    static List<String> unfinishedUploadsOf(long entryId) throws Exception {
        var s3 = io.minio.MinioAsyncClient.builder().endpoint("http://127.0.0.1:" + RealStack.services().s3Port())
                .credentials(EmbeddedServices.ACCESS_KEY, EmbeddedServices.SECRET_KEY).build();
        return s3.listMultipartUploadsAsync(BUCKET, null, null, null, null, 1000, "entries/" + entryId + "/", null,
                null, null).get().result().uploads().stream().map(io.minio.messages.Upload::objectName).toList();
    }

    static long count(String sql, Object... params) throws SQLException {
        try (Connection c = db(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * POSTs a new entry with java.net.http, which RestAssured cannot do chunked: {@code chunked}
     * streams the body of unknown length (Transfer-Encoding: chunked, no Content-Length).
     */
    static HttpResponse<String> postRaw(long cid, Account school, String entryJson, String fileName,
                                        byte[] file, boolean chunked) throws Exception {
        String boundary = "juryroom" + System.nanoTime();
        String entryPart = entryJson == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"entry\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + entryJson + "\r\n";
        byte[] head = (entryPart + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return send(school, "/api/competitions/" + cid + "/entries", "multipart/form-data; boundary=" + boundary,
                () -> new ByteArrayInputStream(body), chunked ? -1 : body.length);
    }

    /**
     * Streams one file as the raw body of {@code POST /api/entries/{eid}/files}, named in
     * Content-Disposition, chunked or with a Content-Length; {@code headers} are more name/value pairs.
     */
    static HttpResponse<String> stream(Account school, long entryId, String fileName, byte[] file, boolean chunked,
                                       String... headers) throws Exception {
        return stream(school, entryId, fileName, () -> new ByteArrayInputStream(file), chunked ? -1 : file.length,
                headers);
    }

    /** As above, with the body read from {@code body} as it is sent; {@code length} -1 sends it chunked. */
    static HttpResponse<String> stream(Account school, long entryId, String fileName, Supplier<InputStream> body,
                                       long length, String... headers) throws Exception {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Disposition";
        all[headers.length + 1] = "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return send(school, "/api/entries/" + entryId + "/files", "application/octet-stream", body, length, all);
    }

    /** POSTs {@code body} with java.net.http; {@code contentType} null sends none. */
    static HttpResponse<String> send(Account who, String path, String contentType, Supplier<InputStream> body,
                                     long length, String... headers) throws Exception {
        var chunks = HttpRequest.BodyPublishers.ofInputStream(body);
        var request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(length < 0 ? chunks : length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.fromPublisher(chunks, length));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] download(RequestSpecification who, String path) {
        return who.get(path).then().statusCode(200).extract().asByteArray();
    }
}
