package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.count;

/**
 * The server-wide body limit holds while the body streams, also for chunked uploads without
 * Content-Length, and answers like every other refusal: a 413 problem document that states the
 * limit, nothing stored: multipart bodies and streamed ones. Runs with a 1 MiB limit of its own;
 * the category limit is as high as the server's here, so the server's limit is the one that answers.
 */
@QuarkusTest
@TestProfile(UploadLimitTest.OneMebibyteLimit.class)
class UploadLimitTest {

    static final long LIMIT = 1L << 20;

    public static class OneMebibyteLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1M");
        }
    }

    @Test
    void aMultipartBodyOverTheServerLimitIsAProblemEvenWhenChunked() throws Exception {
        long cid = StorageFixtures.competition(LIMIT, 10, null);
        Account school = StorageFixtures.school();
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = StorageFixtures.postRaw(cid, school, StorageFixtures.entryJson("poster"),
                    "big.jpg", new byte[3 << 20], chunked);
            assertIsTheLimitProblem(response, chunked ? "chunked" : "with Content-Length");
        }
        assertThat(count("select count(*) from entry where school_id = ?", school.id())).isZero();
    }

    @Test
    void aStreamedBodyOverTheServerLimitIsAProblemEvenWhenChunked() throws Exception {
        long cid = StorageFixtures.competition(LIMIT, 10, null);
        Account school = StorageFixtures.school();
        long eid = StreamingUploadTest.entry(school, cid);
        byte[] big = java.util.Arrays.copyOf(StorageFixtures.sample("posters/poster-01.jpg"), 3 << 20);
        for (boolean chunked : new boolean[] {false, true}) {
            assertIsTheLimitProblem(StorageFixtures.stream(school, eid, "big.jpg", big, chunked),
                    chunked ? "chunked" : "with Content-Length");
        }
        StreamingUploadTest.assertNothingAddedTo(eid);
    }

    static void assertIsTheLimitProblem(HttpResponse<String> response, String how) {
        assertThat(response.statusCode()).as(how).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).as(how).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getInt("status")).as(how).isEqualTo(413);
        assertThat(problem.getLong("limitBytes")).as(how).isEqualTo(LIMIT);
        assertThat(problem.getString("detail")).as(how).contains("limit of " + LIMIT + " bytes");
    }
}
