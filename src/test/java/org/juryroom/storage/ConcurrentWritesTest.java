package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.TestVideos;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * Writers racing on one entry or one school: whatever the order, a submitted or withdrawn entry
 * gains no file afterwards, the school's byte quota is never passed, and a refused upload leaves
 * neither a row nor an object nor an unfinished multipart upload behind.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final long SEED = 9;
    private static final int ROUNDS = 3;
    /** Larger than the server's first read (256 KiB), so the upload has its PENDING row while held. */
    private static final int VIDEO = 1 << 20;
    private static final int HOLD_AT = 600 * 1024;

    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void anUploadWhoseLastByteArrivesAfterSubmitIs409AndLeavesNothing() throws Exception {
        for (String end : List.of("submit", "withdraw")) {
            Account school = school();
            long eid = StreamingUploadTest.videoEntry(school, competition());
            HeldBody held = new HeldBody(TestVideos.mp4(VIDEO), HOLD_AT);
            CompletableFuture<HttpResponse<String>> upload = held.send(POOL, school, eid, "late.mp4");
            held.awaitHeld();
            awaitPending(eid, 1);

            school.api().post("/api/entries/" + eid + "/" + end).then().statusCode(200);
            held.release();
            JsonPath problem = StreamingUploadTest.assertRefused(upload.get(), 409);
            assertThat(problem.getString("detail")).contains(end.equals("submit") ? "SUBMITTED" : "WITHDRAWN");
            assertNothingLeftBehind(eid, 1); // withdrawing keeps the files (it can be undone)
        }
    }

    /**
     * Streamed uploads that all began while the entry was a draft race its submission: those the
     * submission beat are refused, the others are in the entry the submission returned, and the
     * entry's files never change after it. The seed picks which uploads race and which finish late.
     */
    @Test
    void uploadsRacingSubmitNeverChangeTheSubmittedEntry() throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Account school = school();
            long eid = StreamingUploadTest.videoEntry(school, competition());
            List<HeldBody> bodies = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HeldBody held = new HeldBody(TestVideos.mp4(VIDEO + i), HOLD_AT);
                bodies.add(held);
                uploads.add(held.send(POOL, school, eid, "clip-" + i + ".mp4"));
                held.awaitHeld();
            }
            awaitPending(eid, bodies.size());
            List<Integer> racing = new ArrayList<>();
            List<Integer> late = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                (random.nextBoolean() ? racing : late).add(i);
            }

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<JsonPath> submitted = CompletableFuture.supplyAsync(() -> {
                await(go);
                return school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200).extract().jsonPath();
            }, POOL);
            for (int i : racing) {
                CompletableFuture.runAsync(() -> {
                    await(go);
                    bodies.get(i).release();
                }, POOL);
            }
            go.countDown();
            Set<Long> sealed = new HashSet<>(submitted.get().getList("files.id", Long.class));
            late.forEach(i -> bodies.get(i).release());

            Set<Long> accepted = new HashSet<>();
            for (int i = 0; i < uploads.size(); i++) {
                HttpResponse<String> response = uploads.get(i).get();
                if (late.contains(i)) {
                    StreamingUploadTest.assertRefused(response, 409);
                } else if (response.statusCode() == 201) {
                    accepted.add(StreamingUploadTest.created(response).getLong("id"));
                } else {
                    StreamingUploadTest.assertRefused(response, 409);
                }
            }
            assertThat(sealed).as("round %d: the submitted entry has the uploads that beat it", round)
                    .containsAll(accepted).hasSize(1 + accepted.size());
            assertThat(storedFilesOf(eid)).as("round %d: no file changed after the submission", round)
                    .isEqualTo(sealed);
            assertNothingLeftBehind(eid, sealed.size());
        }
    }

    /** Removing the last file and submitting race: never a submitted entry without files. */
    @Test
    void removingTheLastFileAndSubmittingNeverBothSucceed() throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            Account school = school();
            JsonPath created = upload(school, competition(), "poster", "a.jpg", sample("posters/poster-01.jpg")).then()
                    .statusCode(201).extract().jsonPath();
            long eid = created.getLong("id");
            long fid = created.getLong("files[0].id");
            List<Callable<Integer>> writers = new ArrayList<>(List.of(
                    () -> school.api().post("/api/entries/" + eid + "/submit").statusCode(),
                    () -> school.api().delete("/api/entries/" + eid + "/files/" + fid).statusCode()));
            java.util.Collections.shuffle(writers, random);
            List<Integer> statuses = race(writers);
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(
                    statuses.contains(204) ? 204 : 200, statuses.contains(204) ? 422 : 409);
            long submitted = count("select count(*) from entry where id = ? and status = 'SUBMITTED'", eid);
            assertThat(storedFilesOf(eid)).hasSize(submitted == 1 ? 1 : 0);
        }
    }

    /**
     * One school's uploads race for the last room in its byte quota, by every route (new entries,
     * multipart and streamed additions): exactly as many as fit are stored, and never more bytes.
     */
    @Test
    void concurrentUploadsOfOneSchoolNeverPassItsByteQuota() throws Exception {
        Random random = new Random(SEED);
        byte[] jpeg = sample("posters/poster-01.jpg");
        for (int round = 0; round < ROUNDS; round++) {
            int fit = 1 + random.nextInt(3);
            long quota = (1 + fit) * (long) jpeg.length + jpeg.length / 2;
            Account school = school();
            long cid = competition(20L << 20, 20, quota);
            long eid = StreamingUploadTest.entry(school, cid); // one poster-01 of the quota used
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                writers.add(switch (random.nextInt(3)) {
                    case 0 -> () -> upload(school, cid, "poster", "new.jpg", jpeg).statusCode();
                    case 1 -> () -> school.api().multiPart("files", "more.jpg", jpeg, "image/jpeg")
                            .post("/api/entries/" + eid + "/files").statusCode();
                    default -> () -> StorageFixtures.stream(school, eid, "streamed.jpg", jpeg, random.nextBoolean())
                            .statusCode();
                });
            }
            List<Integer> statuses = race(writers);
            assertThat(statuses).as("round %d: %s", round, statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).as("round %d", round).isEqualTo(fit);
            long stored = count("select coalesce(sum(f.size_bytes), 0) from entry_file f join entry e on e.id = f.entry_id"
                    + " where e.school_id = ? and e.competition_id = ?", school.id(), cid);
            assertThat(stored).isLessThanOrEqualTo(quota).isEqualTo((1 + fit) * (long) jpeg.length);
            assertThat(count("select count(*) from entry_file f join entry e on e.id = f.entry_id"
                    + " where e.school_id = ? and f.status = 'PENDING'", school.id())).isZero();
        }
    }

    /** Runs the writers at once (released together) and returns their results in order. */
    private static <T> List<T> race(List<Callable<T>> writers) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (Callable<T> w : writers) {
            running.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                try {
                    return w.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, POOL));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> r : running) {
            results.add(r.get());
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the server has begun {@code n} uploads to the entry (their PENDING rows). */
    static void awaitPending(long eid, int n) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count("select count(*) from entry_file where entry_id = ? and status = 'PENDING'", eid) < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the uploads never began");
            }
            Thread.sleep(20);
        }
    }

    private static Set<Long> storedFilesOf(long eid) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (var c = StorageFixtures.db(); var s = c.prepareStatement(
                "select id from entry_file where entry_id = ? and status = 'STORED'")) {
            s.setLong(1, eid);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Only {@code files} STORED files remain, and exactly their objects: no row, object or part of a refused upload. */
    static void assertNothingLeftBehind(long eid, int files) throws Exception {
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isEqualTo(files);
        assertThat(count("select count(*) from entry_file where entry_id = ? and status = 'STORED'", eid))
                .isEqualTo(files);
        Set<String> named = new HashSet<>();
        try (var c = StorageFixtures.db(); var s = c.prepareStatement(
                "select object_key, clean_key, thumb_key from entry_file where entry_id = ?")) {
            s.setLong(1, eid);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    for (int col = 1; col <= 3; col++) {
                        if (r.getString(col) != null) {
                            named.add(r.getString(col));
                        }
                    }
                }
            }
        }
        assertThat(new HashSet<>(objectsOf(eid))).isEqualTo(named);
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).isEmpty();
    }
}
