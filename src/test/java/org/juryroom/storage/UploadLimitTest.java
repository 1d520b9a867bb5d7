package org.juryroom.storage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.juryroom.storage.StorageFixtures.Account;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
            HttpResponse<String> response = post(cid, school, new byte[3 << 20], chunked);
            assertThat(response.statusCode()).as(chunked ? "chunked" : "with Content-Length").isEqualTo(413);
        }
        assertThat(count("select count(*) from entry where school_id = ?", school.id())).isZero();
    }

    private static HttpResponse<String> post(long cid, Account school, byte[] file, boolean chunked) throws Exception {
        String boundary = "limit" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/competitions/" + cid + "/entries"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (school.username() + ":" + school.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(publisher).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
