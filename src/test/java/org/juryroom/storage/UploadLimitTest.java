package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.storage.StorageFixtures.count;

/**
 * The server-wide body limit holds while the body streams, also for chunked uploads without
 * Content-Length: 413 before JuryRoom's code runs, nothing stored. (This layer answers a bare 413;
 * the category limit, always lower, answers with a problem document – see IntakeTest.)
 * Runs with a 1 MiB limit of its own.
 */
@QuarkusTest
@TestProfile(UploadLimitTest.OneMebibyteLimit.class)
class UploadLimitTest {

    public static class OneMebibyteLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1M");
        }
    }

    @Test
    void aBodyOverTheServerLimitIs413EvenWhenChunked() throws Exception {
        long cid = StorageFixtures.competition(512 * 1024, 10, null);
        Account school = StorageFixtures.school();
        for (boolean chunked : new boolean[] {false, true}) {
            HttpResponse<String> response = StorageFixtures.postRaw(cid, school, null, "big.jpg", new byte[3 << 20],
                    chunked);
            assertThat(response.statusCode()).as(chunked ? "chunked" : "with Content-Length").isEqualTo(413);
        }
        assertThat(count("select count(*) from entry where school_id = ?", school.id())).isZero();
    }
}
