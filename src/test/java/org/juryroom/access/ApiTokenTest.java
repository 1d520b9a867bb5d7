package org.juryroom.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.support.Api;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/** Personal API tokens (docs/api.md): Bearer on the API, shown once, stored hashed, revocable at once. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class ApiTokenTest {

    static RequestSpecification bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    static JsonPath create(Login login, Map<String, ?> body) {
        return login.as().contentType(ContentType.JSON).body(body).post("/api/me/tokens").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void aTokenActsWithItsOwnersRoleIsStoredOnlyHashedAndIsAudited() throws Exception {
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("Token district"));
        JsonPath created = create(school.login(), Map.of("name", "Uploader script"));
        String token = created.getString("token");
        long id = created.getLong("view.id");
        assertThat(token).startsWith("jrt_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.getString("view.role")).isEqualTo("school");
        assertThat(created.getBoolean("view.active")).isTrue();

        bearer(token).get("/api/competitions").then().statusCode(200);
        // The school's role and no more.
        bearer(token).get("/api/schools").then().statusCode(403);
        bearer(token).contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/competitions").then()
                .statusCode(403);
        // A token cannot list, mint or revoke tokens.
        bearer(token).get("/api/me/tokens").then().statusCode(403);
        bearer(token).contentType(ContentType.JSON).body(Map.of("name", "child")).post("/api/me/tokens").then()
                .statusCode(403);
        bearer(token).delete("/api/me/tokens/{id}", id).then().statusCode(403);
        // Wrong or malformed tokens: 401, as a wrong password.
        bearer(token.substring(0, token.length() - 2) + "xx").get("/api/competitions").then().statusCode(401);
        bearer("not-a-token").get("/api/competitions").then().statusCode(401);
        anonymous().header("Authorization", "Bearer").get("/api/competitions").then().statusCode(401);

        JsonPath listed = school.login().as().get("/api/me/tokens").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("id", Long.class)).containsExactly(id);
        assertThat(listed.getString("[0].lastUsedAt")).isNotBlank();
        assertThat(listed.getString("[0]")).doesNotContain(token);

        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres")) {
            assertThat(count(c, "select count(*) from api_token where id = ? and token_hash = ?", id, sha256(token)))
                    .isEqualTo(1);
            assertThat(count(c, "select count(*) from api_token t where strpos(t::text, ?) > 0", token)).isZero();
            assertThat(count(c, "select count(*) from audit_event a where strpos(a::text, ?) > 0", token)).isZero();
            assertThat(count(c, "select count(*) from audit_event where action = 'API_TOKEN_CREATED'"
                    + " and subject_type = 'apiToken' and subject_id = ? and actor = ?", id,
                    school.login().username())).isEqualTo(1);
        }

        // Someone else's token is not found; one's own revocation works at once.
        JudgingFixtures.juror().login().as().delete("/api/me/tokens/{id}", id).then().statusCode(404);
        school.login().as().delete("/api/me/tokens/{id}", id).then().statusCode(204);
        bearer(token).get("/api/competitions").then().statusCode(401);
        school.login().as().delete("/api/me/tokens/{id}", id).then().statusCode(204);
        JsonPath after = school.login().as().get("/api/me/tokens").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("[0].revokedAt")).isNotBlank();
        assertThat(after.getBoolean("[0].active")).isFalse();
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres")) {
            assertThat(count(c, "select count(*) from audit_event where action = 'API_TOKEN_REVOKED'"
                    + " and subject_id = ?", id)).isEqualTo(1);
        }
    }

    @Test
    void tokensOfADeactivatedAccountStopAtOnceAndExpiredOnesNeverWork() throws Exception {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        String token = create(juror.login(), Map.of("name", "Scores")).getString("token");
        bearer(token).get("/api/competitions").then().statusCode(200);
        ORGANISER.as().post("/api/jurors/{jid}/deactivate", juror.id()).then().statusCode(200);
        bearer(token).get("/api/competitions").then().statusCode(401);
        ORGANISER.as().post("/api/jurors/{jid}/reactivate", juror.id()).then().statusCode(200);
        bearer(token).get("/api/competitions").then().statusCode(200);

        Api.problem(juror.login().as().contentType(ContentType.JSON).body(Map.of("name", "Old",
                "expiresAt", Instant.now().minusSeconds(60).toString())).post("/api/me/tokens"), 422);
        // A year Java reads but no database stores (nor any date the app keeps) is the client's mistake, not a 500.
        for (String far : List.of("+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "10000-01-01T00:00:00Z")) {
            Api.problem(juror.login().as().contentType(ContentType.JSON).body(Map.of("name", "Far",
                    "expiresAt", far)).post("/api/me/tokens"), 422)
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo("expiresAt"));
        }
        Api.problem(juror.login().as().contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/api/me/tokens"), 422);
        Api.problem(juror.login().as().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101)))
                .post("/api/me/tokens"), 422);
        JsonPath expiring = create(juror.login(), Map.of("name", "Soon",
                "expiresAt", Instant.now().plusSeconds(3600).toString()));
        String soon = expiring.getString("token");
        bearer(soon).get("/api/competitions").then().statusCode(200);
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement(
                     "update api_token set expires_at = now() - interval '1 second' where id = ?")) {
            st.setLong(1, expiring.getLong("view.id"));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        // Changed in the database directly, as another instance would: seen once its notification arrives.
        SignInMemoryTest.eventually("the expiry set elsewhere is seen",
                () -> bearer(soon).get("/api/competitions").statusCode() == 401);
        assertThat(juror.login().as().get("/api/me/tokens").jsonPath().getList("findAll { it.active }.name"))
                .containsExactly("Scores");
    }

    /** Uses of a token racing its revocations: the revocation is recorded once, and nothing works after it. */
    @Test
    void revocationsRacingUsesEndWithOneRevocationAndNoWorkingToken() throws Exception {
        Random random = new Random(1515);
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("Race district"));
        for (int round = 0; round < Race.rounds(3); round++) {
            JsonPath created = create(school.login(), Map.of("name", "Race " + round));
            String token = created.getString("token");
            long id = created.getLong("view.id");
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> school.login().as().delete("/api/me/tokens/{id}", id).statusCode());
                tasks.add(() -> bearer(token).get("/api/competitions").statusCode());
            }
            Collections.shuffle(tasks, random);
            assertThat(Race.all(tasks)).as("round " + round).isSubsetOf(200, 204, 401);
            bearer(token).get("/api/competitions").then().statusCode(401);
            try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres")) {
                assertThat(count(c, "select count(*) from audit_event where action = 'API_TOKEN_REVOKED'"
                        + " and subject_id = ?", id)).as("round " + round).isEqualTo(1);
            }
        }
    }

    @Test
    void theAccountPageCreatesATokenShownOnceAndRevokesIt() {
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("Page district"));
        WebSession page = WebSession.signIn(school.login().username(), school.login().password());
        assertThat(page.get("/account").asString()).contains("id=\"api-tokens\"");
        Response made = page.post("/account", "/account/tokens", Map.of("name", "Laptop"));
        assertThat(made.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("id=\"new-token\">(jrt_[A-Za-z0-9_-]+)<").matcher(made.asString());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        bearer(token).get("/api/competitions").then().statusCode(200);
        String list = page.get("/account").asString();
        assertThat(list).contains("Laptop").doesNotContain(token);
        assertThat(page.post("/account", "/account/tokens", Map.of("name", "")).statusCode()).isEqualTo(422);
        for (String far : List.of("+999999999-12-31", "+300000-01-01", "10000-01-01")) {
            assertThat(page.post("/account", "/account/tokens", Map.of("name", "Far", "expires", far)).statusCode())
                    .as(far).isEqualTo(422);
        }

        long id = school.login().as().get("/api/me/tokens").jsonPath().getLong("find { it.name == 'Laptop' }.id");
        assertThat(page.post("/account", "/account/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        bearer(token).get("/api/competitions").then().statusCode(401);
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static long count(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
