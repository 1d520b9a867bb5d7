package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.StreamResetException;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.support.LogRecorder;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in caller's small JSON body is read ahead (ReadAheadProbe says so) and every other body streams,
 * and both reach the endpoint byte for byte, through every way a client sends them; a malformed one is still
 * a 400 problem. Through HTTP on the real stack: a token's name is echoed.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SmallJsonBodiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JudgingFixtures.Login owner() {
        return JudgingFixtures.school(JudgingFixtures.unique("Bodies district")).login();
    }

    private static String basic(JudgingFixtures.Login login) {
        return "Basic " + Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String authorization, String contentType, byte[] body, boolean chunked,
                                             boolean expectContinue) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/me/tokens"))
                .version(HttpClient.Version.HTTP_1_1).expectContinue(expectContinue)
                .header("Content-Type", contentType).header(ReadAheadProbe.ASK, "1")
                .POST(publisher);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean readAhead(HttpResponse<String> response) {
        return Boolean.parseBoolean(response.headers().firstValue(ReadAheadProbe.ANSWER).orElseThrow());
    }

    /** The created token's name, after checking whether the body was read ahead. */
    private static String named(HttpResponse<String> response, boolean readAhead) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(readAhead(response)).as("read ahead").isEqualTo(readAhead);
        return JsonPath.from(response.body()).getString("view.name");
    }

    private static byte[] json(String name, int padding) {
        // Leading whitespace is valid JSON: it makes a body of any size around the same name.
        return (" ".repeat(padding) + "{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedInSmallJsonBodyIsReadAheadAndEveryOtherStreamsAndAllArriveIntact() throws Exception {
        String auth = basic(owner());
        String bengali = "জুরি স্ক্রিপ্ট"; // multi-byte: a body cut or decoded wrongly would show
        assertThat(named(post(auth, "application/json", json("small", 0), false, false), true)).isEqualTo("small");
        assertThat(named(post(auth, "application/json; charset=UTF-8", json(bengali, 0), false, false), true))
                .isEqualTo(bengali);
        assertThat(named(post(auth, "application/json", json("continued", 0), false, true), true))
                .isEqualTo("continued");
        assertThat(named(post(auth, "application/json", json("chunked", 0), true, false), false)).isEqualTo("chunked");
        // Exactly at the limit (read ahead) and one byte over it (streamed).
        int at = SmallJsonBodies.MAX_BYTES - json("at limit", 0).length;
        assertThat(json("at limit", at)).hasSize(SmallJsonBodies.MAX_BYTES);
        assertThat(json("at limit", at + 1)).hasSize(SmallJsonBodies.MAX_BYTES + 1);
        assertThat(named(post(auth, "application/json", json("at limit", at), false, false), true)).isEqualTo("at limit");
        assertThat(named(post(auth, "application/json", json("at limit", at + 1), false, false), false))
                .isEqualTo("at limit");
    }

    @Test
    void anAnonymousBodyIsNotReadAheadAndATokensIs() throws Exception {
        HttpResponse<String> anonymous = post(null, "application/json", json("anonymous", 0), false, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(readAhead(anonymous)).isFalse();
        String token = JsonPath.from(post(basic(owner()), "application/json", json("script", 0), false, false).body())
                .getString("token");
        // A token may not mint tokens (403), but it is signed in: its body was read ahead.
        HttpResponse<String> bearer = post("Bearer " + token, "application/json", json("child", 0), false, false);
        assertThat(bearer.statusCode()).isEqualTo(403);
        assertThat(readAhead(bearer)).isTrue();
    }

    /** Bytes being read ahead now, as the probe reports them on a signed-in request. */
    private static long held(String auth) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                        + RestAssured.port + "/api/me/tokens")).header("Authorization", auth)
                .header(ReadAheadProbe.ASK, "1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Long.parseLong(response.headers().firstValue(ReadAheadProbe.HELD).orElseThrow());
    }

    /** Waits, at most 60 s, until the bytes being read ahead satisfy {@code until}; returns them. */
    private static long awaitHeld(String auth, LongPredicate until, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long now = held(auth);
        while (!until.test(now)) {
            assertThat(System.nanoTime() - deadline).as(what + " (held now: " + now + " bytes)").isNegative();
            Thread.sleep(50);
            now = held(auth);
        }
        return now;
    }

    /**
     * Bodies that never finish hold the read-ahead budget while their clients stay, exactly as much as they
     * declared (bodies over the limit take nothing): with the budget full even the smallest body streams (and
     * arrives). Once they leave mid-body, all of it is given back, so no reservation leaks, the next body is read
     * ahead again, and their leaving, read ahead or streamed, is not logged as an error. Three rounds.
     */
    @Test
    void stalledBodiesHoldTheBudgetOnlyWhileTheirClientsStay() throws Exception {
        String auth = basic(owner());
        // The stalled requests use a token that has been used once, so that each is signed in from memory and
        // reaches the read-ahead at once (a token's first uses go to the database).
        String token = "Bearer " + JsonPath.from(post(auth, "application/json", json("stalling", 0), false, false)
                .body()).getString("token");
        assertThat(post(token, "application/json", json("warm", 0), false, false).statusCode()).isEqualTo(403);
        awaitHeld(auth, held -> held == 0, "nothing is being read ahead before the test");
        int fill = (int) (SmallJsonBodies.BUDGET_BYTES / SmallJsonBodies.MAX_BYTES);
        List<ExtLogRecord> logged;
        try (LogRecorder recorder = LogRecorder.start()) {
            for (int round = 0; round < 3; round++) {
                List<Socket> stalled = new ArrayList<>();
                try {
                    // Two bodies one byte over the limit first (they stream and take nothing from the budget),
                    // then as many of the largest that are read ahead as fill it exactly.
                    for (int i = 0; i < 2 + fill; i++) {
                        boolean streamed = i < 2;
                        Socket socket = new Socket("127.0.0.1", RestAssured.port);
                        stalled.add(socket);
                        // Headers and the body's first byte, then nothing: the body never ends.
                        socket.getOutputStream().write(("POST /api/me/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Authorization: " + (streamed ? auth : token) + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + (SmallJsonBodies.MAX_BYTES + (streamed ? 1 : 0)) + "\r\n\r\n ")
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    }
                    assertThat(awaitHeld(auth, held -> held == SmallJsonBodies.BUDGET_BYTES,
                            "the stalled bodies fill the budget")).isEqualTo(SmallJsonBodies.BUDGET_BYTES);
                    assertThat(named(post(auth, "application/json", json("full " + round, 0), false, false), false))
                            .as("the budget is full: even a small body streams").isEqualTo("full " + round);
                    assertThat(held(auth)).isEqualTo(SmallJsonBodies.BUDGET_BYTES);
                } finally {
                    for (Socket socket : stalled) {
                        socket.close();
                    }
                }
                awaitHeld(auth, held -> held == 0, "leaving gives all of it back");
                assertThat(named(post(auth, "application/json", json("freed " + round, 0), false, false), true))
                        .isEqualTo("freed " + round);
            }
            logged = recorder.records();
        }
        // Quarkus' error handler logs a failed request at ERROR; Vert.x names a client gone mid-body so.
        assertThat(logged).as("clients leaving mid-body are not logged as errors").noneMatch(record ->
                record.getLoggerName().equals("io.quarkus.vertx.http.runtime.QuarkusErrorHandler")
                        || LogRecorder.thrownIs(record, HttpClosedException.class)
                        || LogRecorder.thrownIs(record, StreamResetException.class));
    }

    @Test
    void aMalformedSmallBodyIsStillAProblemAndWritesNothing() throws Exception {
        JudgingFixtures.Login login = owner();
        HttpResponse<String> broken = post(basic(login), "application/json",
                "{\"name\": ".getBytes(StandardCharsets.UTF_8), false, false);
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(readAhead(broken)).isTrue();
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        login.as().get("/api/me/tokens").then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void onlyASignedInSmallDeclaredJsonWriteIsReadAhead() {
        String max = Integer.toString(SmallJsonBodies.MAX_BYTES);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "12", null, true)).isEqualTo(12);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.POST, "Application/JSON ; charset=utf-8", "12", null, true))
                .isEqualTo(12);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PATCH, "application/merge-patch+json", "12", null, true))
                .isEqualTo(12);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "12", "100-Continue", true)).isEqualTo(12);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", max, null, true))
                .isEqualTo(SmallJsonBodies.MAX_BYTES);
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "12", null, false)).as("anonymous").isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "12", "something-else", true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.DELETE, "application/json", "12", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json",
                Integer.toString(SmallJsonBodies.MAX_BYTES + 1), null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", null, null, true)).as("chunked").isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "0", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/json", "12x", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "multipart/form-data; boundary=x", "12", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "application/octet-stream", "12", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, "text/json+x", "12", null, true)).isZero();
        assertThat(SmallJsonBodies.readAhead(HttpMethod.PUT, null, "12", null, true)).isZero();
    }
}
