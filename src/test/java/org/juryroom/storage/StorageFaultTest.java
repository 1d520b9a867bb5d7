package org.juryroom.storage;

import io.minio.PutObjectArgs;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.RealStack;
import org.juryroom.support.TestVideos;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.juryroom.storage.StorageFixtures.BUCKET;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.db;
import static org.juryroom.storage.StorageFixtures.objectsOf;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.s3;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * Failures with real servers: the S3 server is stopped and started by the test, the database
 * connection is killed by PostgreSQL itself. Whatever fails, after reconciliation no file is
 * half there and no object is left without its row.
 */
@QuarkusTest
class StorageFaultTest {

    @jakarta.inject.Inject
    StorageReconciler reconciler;

    private static final Pattern ENTRY_KEY = Pattern.compile("entries/(\\d+)/");

    @AfterEach
    void storeIsBack() {
        RealStack.services().startS3(RealStack.services().s3Port());
    }

    @Test
    void theStoreStoppingMidUploadIs503AndReconciliationLeavesNothingBehind() throws Exception {
        long cid = competition();
        Account school = school();
        AtomicReference<String> firstKey = new AtomicReference<>();
        QuarkusMock.installMockForType(new StorageHooks() {
            @Override
            public void beforePut(String key) {
                if (!firstKey.compareAndSet(null, key)) {
                    RealStack.services().stopS3(); // the original is in, the clean copy will not be
                }
            }
        }, StorageHooks.class);
        upload(school, cid, "poster", "p.jpg", sample("posters/poster-03-phone-gps.jpg")).then().statusCode(503)
                .contentType("application/problem+json");
        long eid = entryOf(firstKey.get());
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).isZero();
        assertThat(count("select count(*) from entry where id = ?", eid)).isZero();
        assertThat(count("select count(*) from guardian_consent where entry_id = ?", eid)).isZero();

        RealStack.services().startS3(RealStack.services().s3Port());
        assertThat(objectsOf(eid)).containsExactly(firstKey.get()); // could not be deleted while the store was down
        reconcile().body("run.orphansDeleted", greaterThanOrEqualTo(1));
        assertThat(objectsOf(eid)).isEmpty();
        assertThat(count("select count(*) from entry_file where status = 'PENDING'")).isZero();

        QuarkusMock.installMockForType(new StorageHooks(), StorageHooks.class);
        upload(school, cid, "poster", "p.jpg", sample("posters/poster-03-phone-gps.jpg")).then().statusCode(201);
    }

    @Test
    void theStoreStoppingMidStreamIs503AndReconciliationLeavesNothingBehind() throws Exception {
        long cid = competition(20L << 20, 10, null);
        Account school = school();
        long eid = StreamingUploadTest.videoEntry(school, cid);
        byte[] video = TestVideos.mp4(12 << 20);
        // Once 7 MiB are sent, the client waits for the multipart upload of the original to begin
        // (after 5 MiB) and stops the S3 server: the first part is in the store or on its way.
        HttpResponse<String> response = StorageFixtures.stream(school, eid, "clip.mp4",
                () -> new ByteArrayInputStream(video) {
                    @Override
                    public synchronized int read(byte[] b, int off, int len) {
                        if (pos >= 7 << 20 && !stopped) {
                            awaitMultipartUpload(eid);
                            RealStack.services().stopS3();
                            stopped = true;
                        }
                        return super.read(b, off, len);
                    }

                    private boolean stopped;
                }, -1);
        StreamingUploadTest.assertRefused(response, 503);
        assertThat(count("select count(*) from entry_file where entry_id = ?", eid)).as("only the entry's first file")
                .isOne();

        RealStack.services().startS3(RealStack.services().s3Port());
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).as("parts put before the store stopped").hasSize(1);
        reconcile().body("run.failures", equalTo(0));
        assertThat(count("select count(*) from entry_file where status = 'PENDING'")).isZero();
        assertThat(objectsOf(eid)).hasSize(2); // the first MP4's original and clean copy
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).isEmpty();
        StreamingUploadTest.created(StorageFixtures.stream(school, eid, "clip.mp4", video, true));
    }

    @Test
    void theDatabaseFailingAfterThePutIs503AndTheOrphanedObjectsAreReconciledAway() throws Exception {
        long cid = competition();
        Account school = school();
        QuarkusMock.installMockForType(new StorageHooks() {
            @Override
            public void whileMarkingStored(List<Long> fileIds) {
                // PostgreSQL ends this transaction's connection before it can commit.
                Object pid = Panache.getEntityManager().createNativeQuery("select pg_backend_pid()").getSingleResult();
                try (Connection admin = db(); var s = admin.prepareStatement("select pg_terminate_backend(?)")) {
                    s.setInt(1, ((Number) pid).intValue());
                    s.executeQuery();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, StorageHooks.class);
        String key = upload(school, cid, "poster", "p.jpg", sample("posters/poster-03-phone-gps.jpg")).then()
                .statusCode(503).extract().jsonPath().getString("detail");
        assertThat(key).contains("database");
        Long eid = lastEntryOf(school);
        assertThat(eid).as("the entry was undone").isNull();
        assertThat(count("select count(*) from entry_file where status = 'STORED' and entry_id in "
                + "(select id from entry where school_id = ?)", school.id())).isZero();
        List<String> orphans = allObjects().stream().filter(k -> !known(k)).toList();
        assertThat(orphans).as("objects put before the database failed").hasSize(3);

        reconcile().body("run.orphansDeleted", greaterThanOrEqualTo(3));
        assertThat(allObjects()).doesNotContainAnyElementsOf(orphans);
        assertThat(count("select count(*) from entry_file where status = 'PENDING'")).isZero();
    }

    @Test
    void deletingAFileOrWithdrawingWhileTheStoreIsDownLeavesOrphansTheReconcilerRemoves() throws Exception {
        long cid = competition();
        Account school = school();
        var a = upload(school, cid, "poster", "a.jpg", sample("posters/poster-03-phone-gps.jpg")).then().statusCode(201)
                .extract().jsonPath();
        var b = upload(school, cid, "essay", "b.pdf", sample("essays/essay-02-with-author.pdf")).then().statusCode(201)
                .extract().jsonPath();
        long eidA = a.getLong("id");
        long eidB = b.getLong("id");
        assertThat(objectsOf(eidA)).hasSize(3); // original, clean copy, thumbnail
        RealStack.services().stopS3();
        school.api().delete("/api/entries/" + eidA + "/files/" + a.getLong("files[0].id")).then().statusCode(204);
        // Withdrawing deletes nothing (the school may undo it): B's file stays, row and objects.
        school.api().post("/api/entries/" + eidB + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(count("select count(*) from entry_file where entry_id = ?", eidA)).isZero();
        assertThat(count("select count(*) from entry_file where entry_id = ?", eidB)).isEqualTo(1);
        school.api().get("/api/entries/" + eidA + "/files/" + a.getLong("files[0].id")).then().statusCode(404);

        RealStack.services().startS3(RealStack.services().s3Port());
        assertThat(objectsOf(eidA)).hasSize(3);
        assertThat(objectsOf(eidB)).hasSize(3);
        reconcile();
        assertThat(objectsOf(eidA)).isEmpty();
        assertThat(objectsOf(eidB)).hasSize(3);
    }

    @Test
    void deletingWithTheStoreUpRemovesItsObjectsAtOnceAndWithdrawingKeepsThem() throws Exception {
        long cid = competition();
        Account school = school();
        var a = upload(school, cid, "poster", "a.png", sample("posters/poster-08-png-author-exif-gps.png")).then()
                .statusCode(201).extract().jsonPath();
        long eid = a.getLong("id");
        school.api().multiPart("files", "c.jpg", sample("posters/poster-01.jpg"), "image/jpeg")
                .post("/api/entries/" + eid + "/files").then().statusCode(201);
        // The PNG had metadata to remove (original, clean, thumbnail); poster-01 had none, so its
        // original is also its clean copy (original, thumbnail).
        assertThat(objectsOf(eid)).hasSize(5);
        school.api().delete("/api/entries/" + eid + "/files/" + a.getLong("files[0].id")).then().statusCode(204);
        assertThat(objectsOf(eid)).hasSize(2);
        // Withdrawing keeps the files, so that the school can undo it.
        school.api().post("/api/entries/" + eid + "/withdraw").then().statusCode(200);
        assertThat(objectsOf(eid)).hasSize(2);
    }

    @Test
    void pendingRowsBecomeStoredWhenTheirObjectsAreIntactAndGoWhenTheyAreNot() throws Exception {
        long cid = competition();
        Account school = school();
        long intact = upload(school, cid, "poster", "a.jpg", sample("posters/poster-03-phone-gps.jpg")).then()
                .statusCode(201).extract().jsonPath().getLong("files[0].id");
        long tampered = upload(school, cid, "poster", "b.jpg", sample("posters/poster-05-phone-gps.jpg")).then()
                .statusCode(201).extract().jsonPath().getLong("files[0].id");
        // As if the app had died between the PUTs and marking STORED:
        sql("update entry_file set status = 'PENDING' where id in (" + intact + ", " + tampered + ")");
        String cleanKey = key(tampered, "clean_key");
        overwrite(cleanKey, new byte[] {1, 2, 3}); // its checksum is no longer right
        school.api().get("/api/entries/" + entryIdOf(intact) + "/files/" + intact).then().statusCode(404);

        reconcile().body("run.pendingStored", greaterThanOrEqualTo(1)).body("run.pendingRemoved", greaterThanOrEqualTo(1));
        assertThat(count("select count(*) from entry_file where id = ? and status = 'STORED'", intact)).isOne();
        assertThat(count("select count(*) from entry_file where id = ?", tampered)).isZero();
        assertThat(allObjects()).doesNotContain(cleanKey);
        school.api().get("/api/entries/" + entryIdOf(intact) + "/files/" + intact).then().statusCode(200);
    }

    @Test
    void aCompletePendingFileOfAnEntrySubmittedMeanwhileIsRemovedNotStored() throws Exception {
        long cid = competition();
        Account school = school();
        long eid = upload(school, cid, "poster", "a.jpg", sample("posters/poster-03-phone-gps.jpg")).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long late = school.api().multiPart("files", "b.jpg", sample("posters/poster-01.jpg"), "image/jpeg")
                .post("/api/entries/" + eid + "/files").then().statusCode(201).extract().jsonPath().getLong("[0].id");
        // As if the app had died before marking the second file STORED, and the school then submitted:
        sql("update entry_file set status = 'PENDING' where id = " + late);
        String lateKey = key(late, "object_key");
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200);

        reconcile().body("run.pendingRemoved", greaterThanOrEqualTo(1));
        assertThat(count("select count(*) from entry_file where id = ?", late)).as("the submitted entry is unchanged")
                .isZero();
        assertThat(count("select count(*) from entry_file where entry_id = ? and status = 'STORED'", eid)).isOne();
        assertThat(allObjects()).doesNotContain(lateKey);
    }

    @Test
    void uploadsStillInFlightAreLeftAloneUntilTheGracePeriodHasPassed() throws Exception {
        long cid = competition();
        Account school = school();
        long fid = upload(school, cid, "poster", "a.jpg", sample("posters/poster-03-phone-gps.jpg")).then()
                .statusCode(201).extract().jsonPath().getLong("files[0].id");
        // A young PENDING row (its objects are being PUT) and a young object whose row is not committed yet.
        sql("update entry_file set status = 'PENDING' where id = " + fid);
        String unnamed = "entries/" + entryIdOf(fid) + "/" + java.util.UUID.randomUUID() + "/original";
        overwrite(unnamed, new byte[] {1, 2, 3});

        StorageReconciler.Report early = reconciler.run(java.time.Duration.ofHours(1));
        assertThat(early.ran()).isTrue();
        assertThat(count("select count(*) from entry_file where id = ? and status = 'PENDING'", fid)).isOne();
        assertThat(allObjects()).contains(unnamed, key(fid, "object_key"));

        StorageReconciler.Report late = reconciler.run(java.time.Duration.ZERO);
        assertThat(late.run().pendingStored).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from entry_file where id = ? and status = 'STORED'", fid)).isOne();
        assertThat(allObjects()).doesNotContain(unnamed).contains(key(fid, "object_key"));
    }

    @Test
    void verifyRehashesEveryObjectAndReportsMismatches() throws Exception {
        long cid = competition();
        Account school = school();
        long fid = upload(school, cid, "poster", "a.jpg", sample("posters/poster-06-author-only.jpg")).then()
                .statusCode(201).extract().jsonPath().getLong("files[0].id");
        String thumbKey = key(fid, "thumb_key");
        overwrite(thumbKey, new byte[] {9, 9});
        organiser().post("/api/admin/storage/verify").then().statusCode(200)
                .body("mismatchCount", greaterThanOrEqualTo(1))
                .body("mismatches.key", hasItem(thumbKey));
        school.api().post("/api/admin/storage/verify").then().statusCode(403);
        sql("delete from entry_file where id = " + fid); // leave no known-bad file for other tests
    }

    @Test
    void onlyOneInstanceReconcilesAtATimeAndRunsAreReported() throws Exception {
        try (Connection other = db(); var s = other.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, StorageReconciler.LOCK_KEY);
            s.executeQuery();
            reconcile().body("ran", equalTo(false));
        }
        reconcile().body("ran", equalTo(true));
        organiser().get("/api/admin/storage/reconciler").then().statusCode(200)
                .body("lastRuns.size()", greaterThanOrEqualTo(1))
                .body("counts.pendingFiles", equalTo(0));
        school().api().get("/api/admin/storage/reconciler").then().statusCode(403);
    }

    private static void awaitMultipartUpload(long eid) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try {
            while (StorageFixtures.unfinishedUploadsOf(eid).isEmpty()) {
                assertThat(System.nanoTime()).as("the multipart upload began").isLessThan(deadline);
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse reconcile() {
        return organiser().post("/api/admin/storage/reconcile").then().statusCode(200);
    }

    private static long entryOf(String key) {
        Matcher m = ENTRY_KEY.matcher(key);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Long lastEntryOf(Account school) throws Exception {
        long n = count("select count(*) from entry where school_id = ?", school.id());
        return n == 0 ? null : count("select max(id) from entry where school_id = ?", school.id());
    }

    private static long entryIdOf(long fileId) throws Exception {
        return count("select entry_id from entry_file where id = ?", fileId);
    }

    private static String key(long fileId, String column) throws Exception {
        try (Connection c = db(); var s = c.prepareStatement("select " + column + " from entry_file where id = ?")) {
            s.setLong(1, fileId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** Changes an object behind the app's back, straight through the S3 API. */
    private static void overwrite(String key, byte[] bytes) throws Exception {
        s3().putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = db(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static List<String> allObjects() throws Exception {
        List<String> keys = new java.util.ArrayList<>();
        for (var r : s3().listObjects(io.minio.ListObjectsArgs.builder().bucket(BUCKET).prefix("entries/")
                .recursive(true).build())) {
            keys.add(r.get().objectName());
        }
        return keys;
    }

    private static boolean known(String key) {
        try {
            return count("select count(*) from entry_file where ? in (object_key, clean_key, thumb_key)", key) > 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
