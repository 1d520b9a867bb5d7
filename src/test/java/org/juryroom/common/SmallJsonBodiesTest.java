package org.juryroom.common;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
 * JSON bodies read whole on the event loop (small, declared length) and those left to the stream (chunked,
 * over the limit, other media types) reach the endpoint byte for byte, through every way a client sends
 * them; a malformed one is still a 400 problem. Through HTTP on the real stack: a token's name is echoed.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SmallJsonBodiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static JudgingFixtures.Login owner() {
        return JudgingFixtures.school(JudgingFixtures.unique("Bodies district")).login();
    }

    private static HttpResponse<String> post(JudgingFixtures.Login login, String contentType, byte[] body,
                                             boolean chunked, boolean expectContinue) throws Exception {
        String basic = Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/me/tokens"))
                .version(HttpClient.Version.HTTP_1_1).expectContinue(expectContinue)
                .header("Authorization", "Basic " + basic).header("Content-Type", contentType)
                .POST(publisher).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String named(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.from(response.body()).getString("view.name");
    }

    private static byte[] json(String name, int padding) {
        // Leading whitespace is valid JSON: it makes a body of any size around the same name.
        return (" ".repeat(padding) + "{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyWayOfSendingJsonReachesTheEndpointIntact() throws Exception {
        JudgingFixtures.Login login = owner();
        String bengali = "জুরি স্ক্রিপ্ট"; // multi-byte: a body cut or decoded wrongly would show
        assertThat(named(post(login, "application/json", json("small", 0), false, false))).isEqualTo("small");
        assertThat(named(post(login, "application/json; charset=UTF-8", json(bengali, 0), false, false)))
                .isEqualTo(bengali);
        assertThat(named(post(login, "application/json", json("continued", 0), false, true))).isEqualTo("continued");
        assertThat(named(post(login, "application/json", json("chunked", 0), true, false))).isEqualTo("chunked");
        // Exactly at the limit (read here) and one byte over it (left to the stream).
        int at = SmallJsonBodies.MAX_BYTES - json("at limit", 0).length;
        assertThat(json("at limit", at)).hasSize(SmallJsonBodies.MAX_BYTES);
        assertThat(named(post(login, "application/json", json("at limit", at), false, false))).isEqualTo("at limit");
        assertThat(named(post(login, "application/json", json("over limit", at + 1), false, false)))
                .isEqualTo("over limit");
    }

    @Test
    void aMalformedSmallBodyIsStillAProblemAndWritesNothing() throws Exception {
        JudgingFixtures.Login login = owner();
        HttpResponse<String> broken = post(login, "application/json", "{\"name\": ".getBytes(StandardCharsets.UTF_8),
                false, false);
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        login.as().get("/api/me/tokens").then().statusCode(200).contentType(ContentType.JSON)
                .body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void onlyASmallDeclaredJsonBodyIsReadAhead() {
        assertThat(SmallJsonBodies.smallJson("application/json", "12")).isTrue();
        assertThat(SmallJsonBodies.smallJson("Application/JSON ; charset=utf-8", "12")).isTrue();
        assertThat(SmallJsonBodies.smallJson("application/merge-patch+json", "12")).isTrue();
        assertThat(SmallJsonBodies.smallJson("application/json", Integer.toString(SmallJsonBodies.MAX_BYTES))).isTrue();
        assertThat(SmallJsonBodies.smallJson("application/json", Integer.toString(SmallJsonBodies.MAX_BYTES + 1)))
                .isFalse();
        assertThat(SmallJsonBodies.smallJson("application/json", null)).as("chunked").isFalse();
        assertThat(SmallJsonBodies.smallJson("application/json", "0")).isFalse();
        assertThat(SmallJsonBodies.smallJson("application/json", "12x")).isFalse();
        assertThat(SmallJsonBodies.smallJson("multipart/form-data; boundary=x", "12")).isFalse();
        assertThat(SmallJsonBodies.smallJson("application/octet-stream", "12")).isFalse();
        assertThat(SmallJsonBodies.smallJson("text/json+x", "12")).isFalse();
        assertThat(SmallJsonBodies.smallJson(null, "12")).isFalse();
    }
}
