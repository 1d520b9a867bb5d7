package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

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
