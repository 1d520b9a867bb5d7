package org.juryroom.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/**
 * The sign-in throttle under parallel guessing, behind the proxy set-up of docs/ui.md: the test
 * client is the trusted proxy (application.properties, %test) and says which address it received
 * each request from as the right-most X-Forwarded-For value.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SignInThrottleTest {

    private static final int LIMIT = 10;
    private static final String CLIENT = "203.0.113.9";

    private static List<String> reasons(String username, Instant from) {
        long cid = JudgingFixtures.openCompetition(1);
        JsonPath audit = ORGANISER.as().queryParam("action", "LOGIN_FAILED").queryParam("from", from.toString())
                .queryParam("size", 500).get("/api/competitions/{cid}/audit", cid).then().statusCode(200)
                .extract().jsonPath();
        return audit.getList("items.findAll { it.after.username == '" + username + "' }.after.reason", String.class);
    }

    @Test
    void thirtyParallelWrongPasswordsWithRotatingForwardedForGetAtMostTheLimitChecked() {
        Random random = new Random(4242L);
        for (int round = 0; round < Race.rounds(2); round++) {
            Instant start = Instant.now().minusSeconds(1);
            SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
            String user = school.login().username();
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // The left part is the attacker's own, different every time; the proxy appended CLIENT.
                String spoofed = "198.51.100." + random.nextInt(255);
                guesses.add(() -> given().auth().preemptive().basic(user, "wrong-" + spoofed)
                        .header("X-Forwarded-For", spoofed + ", " + CLIENT).get("/api/competitions").statusCode());
            }
            assertThat(Race.all(guesses)).containsOnly(401);

            List<String> reasons = reasons(user, start);
            assertThat(reasons).hasSize(30);
            assertThat(reasons).filteredOn("wrong username or password"::equals).hasSize(LIMIT);
            assertThat(reasons).filteredOn("throttled"::equals).hasSize(30 - LIMIT);
            // The right password from that client is refused too; from another client it works.
            given().auth().preemptive().basic(user, school.login().password()).header("X-Forwarded-For", CLIENT)
                    .get("/api/competitions").then().statusCode(401);
            given().auth().preemptive().basic(user, school.login().password())
                    .header("X-Forwarded-For", CLIENT + ", 203.0.113.10").get("/api/competitions").then()
                    .statusCode(200);
        }
    }

    @Test
    void manyParallelRequestsWithTheRightPasswordAllPass() {
        SchoolAccount school = JudgingFixtures.school(JudgingFixtures.unique("District"));
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            requests.add(() -> school.login().as().header("X-Forwarded-For", CLIENT).get("/api/competitions")
                    .statusCode());
        }
        assertThat(Race.all(requests)).containsOnly(200);
    }
}
