package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.Race;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.TestVideos;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.stream;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * An entry's files always fit the category it has: a change of category that a stored file does not
 * fit (its type, its size) is refused, and a file still arriving when the category changes is held to
 * the new one when it is recorded, under the entry's lock, so no JPEG ends up STORED in a PDF-only
 * category, whichever request comes first.
 */
@QuarkusTest
class CategoryChangeTest {

    /** "mixed" takes JPEG, PDF and MP4 up to 1 MB; "essay" PDF only; "small" JPEG, PDF and MP4 up to 60 000 bytes. */
    static long competition() {
        Map<String, Object> body = Map.of(
                "title", "Category change " + UUID.randomUUID(),
                "submissionOpensAt", OffsetDateTime.now().minusDays(1).toString(),
                "submissionClosesAt", OffsetDateTime.now().plusDays(10).toString(),
                "maxEntriesPerSchool", 50, "shortlistSize", 5,
                "categories", List.of(
                        category("mixed", List.of("image/jpeg", "application/pdf", "video/mp4"), 1_000_000),
                        category("essay", List.of("application/pdf"), 1_000_000),
                        category("small", List.of("image/jpeg", "application/pdf", "video/mp4"), 60_000)),
                "criteria", List.of(Map.of("code", "message", "name", "Message", "weight", 1,
                        "minScore", 1, "maxScore", 10)));
        long id = organiser().contentType("application/json").body(body).post("/api/competitions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        StorageFixtures.transition(id, "OPEN");
        return id;
    }

    private static Map<String, Object> category(String code, List<String> types, long maxFileBytes) {
        return Map.of("code", code, "name", code, "allowedTypes", types, "maxFileBytes", maxFileBytes);
    }

    @Test
    void aCategoryThatAStoredFileDoesNotFitIsRefused() throws Exception {
        long cid = competition();
        Account school = school();
        byte[] photo = sample("posters/poster-03-phone-gps.jpg"); // 84 145 bytes
        long eid = entry(school, cid, "photo.jpg", photo);
        assertThat(patch(school, eid, "essay").statusCode()).isEqualTo(422); // a JPEG in a PDF-only category
        var tooSmall = patch(school, eid, "small");
        assertThat(tooSmall.statusCode()).isEqualTo(422);
        assertThat(tooSmall.jsonPath().getString("detail")).contains("photo.jpg", "at most 60000 bytes");
        assertThat(school.api().get("/api/entries/" + eid).jsonPath().getString("categoryCode")).isEqualTo("mixed");
    }

    /**
     * A file held within the server's first read (it is smaller than one): admitted as a "mixed" file before the
     * change, it is refused when its PENDING row would be written, under the new category, before it is stored.
     */
    @Test
    void aFileWhoseFirstPartArrivesAfterTheChangeIsRefusedBeforeItIsStored() throws Exception {
        long cid = competition();
        Account school = school();
        long eid = entry(school, cid, "essay.pdf", sample("essays/essay-01.pdf"));
        List<String> before = objectsOf(eid);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            HeldBody held = new HeldBody(sample("posters/poster-01.jpg"), 20_000);
            CompletableFuture<HttpResponse<String>> upload = held.send(pool, school, eid, "poster.jpg");
            held.awaitHeld(); // admitted as a "mixed" file; the server still waits for the rest of its first read
            assertThat(patch(school, eid, "essay").statusCode()).isEqualTo(200);
            held.release();
            StreamingUploadTest.assertRefused(upload.get(60, TimeUnit.SECONDS), 415);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isOne();
        assertThat(objectsOf(eid)).containsExactlyInAnyOrderElementsOf(before);
    }

    /**
     * A file past its first checks when the category changes: its first part read, its type admitted and its
     * PENDING row written as a "mixed" file, then held until the change is made. When it is recorded it is held to the
     * new category, for its type ("essay") and its size ("small"), and leaves neither a row nor an object.
     */
    @Test
    void aFileAlreadyArrivingWhenTheCategoryChangesIsRefusedWhenItIsRecorded() throws Exception {
        long cid = competition();
        Map<String, Integer> refusals = new LinkedHashMap<>();
        refusals.put("essay", 415); // an MP4 where only PDF is taken
        refusals.put("small", 413); // 2 × CHUNK bytes where 60 000 are
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (var refusal : refusals.entrySet()) {
                String category = refusal.getKey();
                Account school = school();
                long eid = entry(school, cid, "essay.pdf", sample("essays/essay-01.pdf"));
                List<String> before = objectsOf(eid);
                // Held past the server's first read: its type check and its PENDING row are behind it.
                HeldBody held = new HeldBody(TestVideos.mp4(2 * FileService.CHUNK), FileService.CHUNK + 100_000);
                CompletableFuture<HttpResponse<String>> upload = held.send(pool, school, eid, "clip.mp4");
                held.awaitHeld();
                ConcurrentWritesTest.awaitPending(eid, 1);
                assertThat(patch(school, eid, category).statusCode()).as(category).isEqualTo(200);
                held.release();
                JsonPath problem = StreamingUploadTest.assertRefused(upload.get(60, TimeUnit.SECONDS),
                        refusal.getValue());
                assertThat(problem.getString("detail")).as(category).contains("clip.mp4", "the " + category + " category");
                ConcurrentWritesTest.assertNothingLeftBehind(eid, 1);
                assertThat(objectsOf(eid)).as(category).containsExactlyInAnyOrderElementsOf(before);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Rounds of a JPEG upload (multipart or streamed) and a change to the PDF-only category at the same moment,
     * each started after a short fixed-seed delay: never both succeed, and the entry ends with files that fit
     * its category and objects that belong to its rows.
     */
    @Test
    void uploadsRacingCategoryChangesNeverLeaveAFileThatDoesNotFit() throws Exception {
        Random random = new Random(20261207L);
        long cid = competition();
        for (int round = 0; round < Race.rounds(4); round++) {
            Account school = school(); // one a round: the soak's 200 rounds stay within a school's entry quota
            long eid = entry(school, cid, "essay.pdf", sample("essays/essay-01.pdf"));
            byte[] jpeg = sample("posters/poster-01.jpg");
            boolean streamed = random.nextBoolean();
            boolean chunked = random.nextBoolean();
            int uploadDelay = random.nextInt(40);
            int patchDelay = random.nextInt(40);
            List<Callable<Integer>> tasks = List.of(() -> {
                Thread.sleep(uploadDelay);
                return streamed ? stream(school, eid, "poster.jpg", jpeg, chunked).statusCode()
                        : school.api().multiPart("files", "poster.jpg", jpeg, "application/octet-stream")
                        .post("/api/entries/" + eid + "/files").statusCode();
            }, () -> {
                Thread.sleep(patchDelay);
                return patch(school, eid, "essay").statusCode();
            });
            List<Integer> results = Race.all(tasks);
            String what = "round " + round + (streamed ? " streamed" : " multipart") + ": " + results;
            assertThat(results.get(0)).as(what).isIn(201, 415);
            assertThat(results.get(1)).as(what).isIn(200, 422);
            assertThat(results.get(0) == 201 && results.get(1) == 200).as(what).isFalse();
            String category = school.api().get("/api/entries/" + eid).jsonPath().getString("categoryCode");
            assertThat(count("select count(*) from entry_file where entry_id = ? and content_type = 'image/jpeg'",
                    eid)).as(what).isEqualTo(category.equals("essay") ? 0 : results.get(0) == 201 ? 1 : 0);
            assertThat(new HashSet<>(objectsOf(eid))).as(what).isEqualTo(keysOfRows(eid));
        }
    }

    private static long entry(Account school, long cid, String name, byte[] file) {
        return upload(school, cid, "mixed", name, file).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response patch(Account school, long eid, String category) {
        return school.api().contentType(ContentType.JSON).body(Map.of("categoryCode", category))
                .patch("/api/entries/" + eid);
    }

    private static Set<String> keysOfRows(long eid) throws Exception {
        Set<String> keys = new HashSet<>();
        try (var c = StorageFixtures.db(); var s = c.prepareStatement(
                "select object_key, clean_key, thumb_key from entry_file where entry_id = ?")) {
            s.setLong(1, eid);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    for (int i = 1; i <= 3; i++) {
                        if (r.getString(i) != null) {
                            keys.add(r.getString(i));
                        }
                    }
                }
            }
        }
        return keys;
    }
}
