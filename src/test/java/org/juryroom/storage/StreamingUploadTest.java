package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.TestVideos;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.IntakeTest.sha256;
import static org.juryroom.storage.PrivacyTest.gpsAndExif;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.download;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.stream;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * The streaming upload, {@code POST /api/entries/{eid}/files} with the file as the raw body:
 * what it stores, and that every refusal leaves neither a row nor an object behind. The test
 * profile's 5 MiB part size sends the larger videos here through the multipart path.
 */
@QuarkusTest
class StreamingUploadTest {

    static final int VIDEO_BYTES = 12 << 20;

    @Test
    void aStreamedJpegIsStoredWithItsSha256AndACleanCopyWithoutGpsOrExif() throws Exception {
        Account school = school();
        long eid = entry(school, competition());
        byte[] jpeg = sample("posters/poster-03-phone-gps.jpg");
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = stream(school, eid, "poster-03-phone-gps.jpg", jpeg, chunked);
            JsonPath file = created(response);
            assertThat(file.getString("sha256")).isEqualTo(sha256(jpeg));
            assertThat(file.getLong("size")).isEqualTo(jpeg.length);
            assertThat(file.getString("name")).isEqualTo("poster-03-phone-gps.jpg");
            String path = "/api/entries/" + eid + "/files/" + file.getLong("id");
            assertThat(gpsAndExif(download(school.api(), path))).isEmpty();
            assertThat(gpsAndExif(download(school.api(), path + "/thumbnail"))).isEmpty();
            assertThat(download(organiser(), path + "/original")).isEqualTo(jpeg);
        }
        assertThat(count("select count(*) from entry_file where entry_id = ? and status = 'STORED'", eid)).isEqualTo(3);
    }

    @Test
    void aVideoLargerThanAPartArrivesWholeWithOrWithoutContentLengthAndItsChecksum() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(20L << 20, 10, null));
        byte[] video = TestVideos.mp4(VIDEO_BYTES);
        JsonPath chunked = created(stream(school, eid, "clip.mp4", video, true));
        JsonPath withLength = created(stream(school, eid, "clip.mp4", video, false, StreamedUpload.DIGEST_HEADER,
                reprDigest(video)));
        for (JsonPath file : List.of(chunked, withLength)) {
            assertThat(file.getString("sha256")).isEqualTo(sha256(video));
            assertThat(sha256(download(school.api(), "/api/entries/" + eid + "/files/" + file.getLong("id"))))
                    .isEqualTo(sha256(video));
        }
        assertThat(objectsOf(eid)).hasSize(2 + 2); // the entry's first MP4 (original, clean copy) + two originals
    }

    @Test
    void theTypeComesFromTheContentAndMustMatchTheName() throws Exception {
        Account school = school();
        long eid = entry(school, competition());
        assertRefused(stream(school, eid, "poster.png", IntakeTest.zip(), false), 415);
        assertRefused(stream(school, eid, "poster.png", sample("posters/poster-01.jpg"), true), 415);
        assertRefused(stream(school, eid, "clip.mp4", TestVideos.mp4(VIDEO_BYTES), true), 415); // not a poster type
        assertRefused(stream(school, eid, "empty.jpg", new byte[0], false), 422);
        assertNothingAddedTo(eid);
    }

    @Test
    void aFileOverTheCategoryLimitIs413WithOrWithoutContentLengthEvenAfterPartsWereStored() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(6L << 20, 10, null));
        assertAVideoIsRefused(school, eid, 413, 6L << 20);
    }

    @Test
    void aChecksumThatDoesNotMatchIs422AndTheStoredOriginalIsDeleted() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(20L << 20, 10, null));
        byte[] video = TestVideos.mp4(VIDEO_BYTES);
        JsonPath problem = assertRefused(stream(school, eid, "clip.mp4", video, true, StreamedUpload.DIGEST_HEADER,
                reprDigest(new byte[] {1})), 422);
        assertThat(problem.getString("rule")).isEqualTo("checksum");
        assertRefused(stream(school, eid, "clip.mp4", video, false, StreamedUpload.DIGEST_HEADER, "md5=:AAAA:"), 400);
        assertNothingAddedTo(eid);
    }

    @Test
    void theSchoolsByteQuotaIs409BeforeOrWhileTheFileArrives() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(20L << 20, 10, 9_000_000L)); // 50 kB used by the first MP4
        assertAVideoIsRefused(school, eid, 409, 9_000_000L);
    }

    /**
     * A 12 MiB video is refused with {@code status} and {@code limitBytes}, whether its
     * Content-Length declares it (refused before any byte is read) or it is chunked (refused
     * while it arrives, once its first part is on its way to the store); nothing of it is kept.
     */
    private static void assertAVideoIsRefused(Account school, long eid, int status, long limitBytes) throws Exception {
        byte[] video = TestVideos.mp4(VIDEO_BYTES);
        for (boolean chunked : new boolean[] {false, true}) {
            JsonPath problem = assertRefused(stream(school, eid, "clip.mp4", video, chunked), status);
            assertThat(problem.getLong("limitBytes")).isEqualTo(limitBytes);
        }
        assertNothingAddedTo(eid);
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).isEmpty();
    }

    @Test
    void anotherSchoolsEntryDoesNotExistForTheUploader() throws Exception {
        long cid = competition();
        long eid = entry(school(), cid);
        Account other = school();
        assertRefused(stream(other, eid, "poster.jpg", sample("posters/poster-01.jpg"), true), 404);
        assertRefused(stream(other, eid, "clip.mp4", TestVideos.mp4(VIDEO_BYTES), false), 404);
        organiser().contentType("application/octet-stream").header("Content-Disposition", "attachment; filename=a.jpg")
                .body(sample("posters/poster-01.jpg")).post("/api/entries/" + eid + "/files").then().statusCode(403);
        assertNothingAddedTo(eid);
    }

    @Test
    void aBodyWithoutAFileNameOrAContentTypeIs400() throws Exception {
        Account school = school();
        long eid = entry(school, competition());
        byte[] jpeg = sample("posters/poster-01.jpg");
        school.api().contentType("application/octet-stream").body(jpeg)
                .post("/api/entries/" + eid + "/files").then().statusCode(400)
                .contentType("application/problem+json");
        JsonPath problem = assertRefused(StorageFixtures.send(school, "/api/entries/" + eid + "/files", null,
                () -> new java.io.ByteArrayInputStream(jpeg), jpeg.length, "Content-Disposition",
                "attachment; filename=poster.jpg"), 400);
        assertThat(problem.getString("detail")).contains("Content-Type");
        assertNothingAddedTo(eid);
    }

    /**
     * A name that hides a script ({@code clip.php.mp4}) is refused before the body is read: while the
     * client still holds most of it back, no row has been made and no multipart upload begun.
     */
    @Test
    void aNameHidingAScriptIsRefusedBeforeAnythingIsWritten() throws Exception {
        Account school = school();
        long eid = videoEntry(school, competition(20L << 20, 10, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            HeldBody held = new HeldBody(TestVideos.mp4(VIDEO_BYTES), 1 << 20);
            var response = held.send(pool, school, eid, "clip.php.mp4");
            held.awaitHeld();
            for (int i = 0; i < 20; i++) { // time for a row and a first part to appear, as they did before
                assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isOne();
                assertThat(StorageFixtures.unfinishedUploadsOf(eid)).isEmpty();
                Thread.sleep(100);
            }
            held.release();
            JsonPath problem = assertRefused(response.get(), 415);
            assertThat(problem.getString("detail")).contains("'.php'");
        } finally {
            pool.shutdownNow();
        }
        assertNothingAddedTo(eid);
    }

    @Test
    void aLongNameIsShortenedBetweenCharacters() throws Exception {
        Account school = school();
        long eid = entry(school, competition());
        String name = created(stream(school, eid, "a" + "\uD83D\uDE00".repeat(130) + ".jpg",
                sample("posters/poster-01.jpg"), false)).getString("name");
        assertThat(name.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        assertThat(name).endsWith("\uD83D\uDE00.jpg");
    }

    /** A poster entry with one small JPEG (an entry is created with at least one file). */
    static long entry(Account school, long cid) throws Exception {
        return upload(school, cid, "poster", "a.jpg", sample("posters/poster-01.jpg")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A video entry with one small MP4. */
    static long videoEntry(Account school, long cid) throws Exception {
        return upload(school, cid, "video", "a.mp4", sample("videos/video-01-location.mp4")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static JsonPath created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<Object> files = JsonPath.from(response.body()).getList("$");
        assertThat(files).hasSize(1);
        return JsonPath.from(response.body()).setRootPath("[0]");
    }

    static JsonPath assertRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        return problem;
    }

    /** Only the file the entry was created with: no row and no object of a refused upload. */
    static void assertNothingAddedTo(long eid) throws Exception {
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isOne();
        // poster-01: original (its own clean copy) and thumbnail; video-01: original and clean copy
        assertThat(objectsOf(eid)).hasSize(2);
    }

    static String reprDigest(byte[] bytes) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(bytes))) + ":";
    }
}
