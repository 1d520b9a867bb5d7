package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.TestVideos;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.IntakeTest.sha256;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.download;
import static org.juryroom.storage.StorageFixtures.school;

/**
 * What the reconciler must not take from an upload still arriving, on any instance (its
 * heartbeat), and what it must take from uploads that will never finish (their temp files).
 */
@QuarkusTest
class UploadLivenessTest {

    /** Short, so the test outlives it; the upload beats just before the reconciler runs. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @Inject
    StorageReconciler reconciler;

    @Inject
    UploadsInFlight inFlight;

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void anUploadStillArrivingPastTheGraceIsLeftAloneAndCompletes() throws Exception {
        Account school = school();
        long eid = StreamingUploadTest.videoEntry(school, competition());
        byte[] video = TestVideos.mp4(StreamingUploadTest.VIDEO_BYTES);
        // Held after 7 MiB: its PENDING row is there and the multipart upload of its original has begun.
        HeldBody held = new HeldBody(video, 7 << 20);
        CompletableFuture<HttpResponse<String>> upload = held.send(POOL, school, eid, "long.mp4");
        held.awaitHeld();
        ConcurrentWritesTest.awaitPending(eid, 1);
        awaitMultipartUpload(eid);
        Instant created = Instant.ofEpochMilli(count("select (extract(epoch from created_at) * 1000)::bigint"
                + " from entry_file where entry_id = ? and status = 'PENDING'", eid));
        while (!Instant.now().isAfter(created.plus(GRACE).plusMillis(100))) {
            Thread.sleep(50); // until the upload and its spool file are older than the grace
        }

        assertThat(inFlight.beat()).as("the upload's row beats").isGreaterThanOrEqualTo(1);
        StorageReconciler.Report report = reconciler.run(GRACE);
        assertThat(report.ran()).isTrue();
        assertThat(count("select count(*) from entry_file where entry_id = ? and status = 'PENDING'", eid)).isOne();
        assertThat(StorageFixtures.unfinishedUploadsOf(eid)).as("its multipart upload is not aborted").hasSize(1);

        held.release();
        var file = StreamingUploadTest.created(upload.get());
        assertThat(file.getString("sha256")).isEqualTo(sha256(video));
        assertThat(sha256(download(school.api(), "/api/entries/" + eid + "/files/" + file.getLong("id"))))
                .isEqualTo(sha256(video));
        ConcurrentWritesTest.assertNothingLeftBehind(eid, 2);
    }

    @Test
    void strayTempFilesOfUploadsThatNeverFinishedAreRemovedAndFreshOnesKept() throws Exception {
        List<Path> dirs = List.of(configuredDir("quarkus.http.body.uploads-directory"),
                configuredDir("juryroom.storage.work-dir"));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path dir : dirs) {
            Files.createDirectories(dir);
            Files.setLastModifiedTime(Files.write(dir.resolve("upload-crashed.tmp"), new byte[1024]), twoHoursAgo);
            Files.write(dir.resolve("upload-fresh.tmp"), new byte[16]);
        }
        reconciler.run(Duration.ofHours(1));
        for (Path dir : dirs) {
            assertThat(dir.resolve("upload-crashed.tmp")).doesNotExist();
            assertThat(dir.resolve("upload-fresh.tmp")).exists();
            Files.delete(dir.resolve("upload-fresh.tmp"));
        }
    }

    private static Path configuredDir(String key) {
        return Path.of(ConfigProvider.getConfig().getValue(key, String.class));
    }

    static void awaitMultipartUpload(long eid) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (StorageFixtures.unfinishedUploadsOf(eid).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the multipart upload never began");
            }
            Thread.sleep(20);
        }
    }
}
