package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.juryroom.common.ProblemTexts;
import org.juryroom.i18n.Languages;
import org.juryroom.storage.StorageFixtures.Account;
import org.juryroom.support.RealStack;
import org.juryroom.support.TestVideos;
import org.juryroom.web.WebSession;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.juryroom.storage.StorageFixtures.competition;
import static org.juryroom.storage.StorageFixtures.count;
import static org.juryroom.storage.StorageFixtures.organiser;
import static org.juryroom.storage.StorageFixtures.sample;
import static org.juryroom.storage.StorageFixtures.school;
import static org.juryroom.storage.StorageFixtures.upload;

/**
 * PostgreSQL goes away (the test cuts the app off from it and lets it back): every request
 * answers 503 with Retry-After, like an outage of the object store, nothing is half stored, and
 * the app serves again once the database is back.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterEach
    void databaseIsBack() {
        RealStack.database().start();
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void everyRequestIs503WithRetryAfterWhileTheDatabaseIsDownAndServedAgainAfter() throws Exception {
        Account school = school();
        long cid = competition();
        long eid = StreamingUploadTest.entry(school, cid);
        byte[] jpeg = sample("posters/poster-01.jpg");
        WebSession web = WebSession.signIn(school.username(), school.password());

        RealStack.database().stop();
        // Resuming the signed-in session fails before any page runs: still the error page, in the reader's language.
        Response page = given().cookies(web.cookies()).cookie(Languages.COOKIE, "hi")
                .accept(WebSession.BROWSER_ACCEPT).redirects().follow(false).get("/school");
        page.then().statusCode(503).contentType(containsString("text/html")).header("Retry-After", notNullValue())
                .header("Content-Language", "hi");
        WebSession.assertSignedOutErrorPage(page.asString(), "hi");
        assertThat(page.asString()).contains(ProblemTexts.localise(
                "The database is not reachable right now; nothing was changed, please try again shortly", "hi"))
                .doesNotContain("फ़ाइल भंडार"); // the page's own words do not blame the file store
        assertUnavailable(school.api().get("/api/competitions/" + cid + "/entries"));
        assertUnavailable(organiser().get("/api/competitions"));
        assertUnavailable(upload(school, cid, "poster", "a.jpg", jpeg));
        assertUnavailable(school.api().multiPart("files", "b.jpg", jpeg, "image/jpeg")
                .post("/api/entries/" + eid + "/files"));
        HttpResponse<String> streamed = StorageFixtures.stream(school, eid, "c.jpg", jpeg, true);
        StreamingUploadTest.assertRefused(streamed, 503);
        assertThat(streamed.headers().firstValue("Retry-After")).isPresent();

        RealStack.database().start();
        school.api().get("/api/competitions/" + cid + "/entries").then().statusCode(200);
        StreamingUploadTest.created(StorageFixtures.stream(school, eid, "c.jpg", jpeg, true));
        ConcurrentWritesTest.assertNothingLeftBehind(eid, 2);
    }

    @Test
    void theDatabaseGoingAwayMidUploadIs503AndNothingIsLeftOnceItIsBack() throws Exception {
        Account school = school();
        long eid = StreamingUploadTest.videoEntry(school, competition());
        byte[] video = TestVideos.mp4(StreamingUploadTest.VIDEO_BYTES);
        HeldBody held = new HeldBody(video, 7 << 20);
        CompletableFuture<HttpResponse<String>> upload = held.send(POOL, school, eid, "clip.mp4");
        held.awaitHeld();
        ConcurrentWritesTest.awaitPending(eid, 1);

        RealStack.database().stop();
        held.release();
        HttpResponse<String> response = upload.get();
        StreamingUploadTest.assertRefused(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();

        RealStack.database().start();
        organiser().post("/api/admin/storage/reconcile").then().statusCode(200);
        ConcurrentWritesTest.assertNothingLeftBehind(eid, 1);
        assertThat(count("select count(*) from entry_file where status = 'PENDING'")).isZero();
        StreamingUploadTest.created(StorageFixtures.stream(school, eid, "clip.mp4", video, true));
    }

    /**
     * Connections used a moment before the database went away are not checked when borrowed (that
     * waits a second of idleness): the outage's first 503 drops them all, so not one request after
     * the database is back fails on one of them. The first 503 comes in turn from the API, from a page
     * (an error page) and from signing in, before any resource runs.
     */
    @Test
    void noRequestAfterAShortOutageFailsOnAConnectionFromBeforeIt() throws Exception {
        Account school = school();
        String entries = "/api/competitions/" + competition() + "/entries";
        List<Runnable> firstToFindItGone = List.of(
                () -> assertUnavailable(school.api().get(entries)),
                () -> WebSession.anonymous().get("/consent/" + "x".repeat(43)).then().statusCode(503)
                        .contentType(containsString("text/html")).header("Retry-After", notNullValue()),
                () -> assertUnavailable(given().auth().preemptive().basic(school.username(), "not-the-password")
                        .get(entries)));
        for (Runnable first : firstToFindItGone) {
            atOnce(12, () -> school.api().get(entries).then().statusCode(200));
            RealStack.database().stop();
            first.run();
            RealStack.database().start();
            atOnce(12, () -> school.api().get(entries).then().statusCode(200));
        }
    }

    /** {@code n} calls at the same moment, so the pool hands out as many connections. */
    private static void atOnce(int n, Runnable call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                call.run();
            }, POOL));
        }
        go.countDown();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        assertThat(response.jsonPath().getString("detail")).contains("database");
    }
}
