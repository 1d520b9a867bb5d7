package org.juryroom.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;
import org.juryroom.web.WebSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/** Organisers deactivate and reactivate schools' and jurors' accounts. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class AccountActivationTest {

    private static final String SCHOOL_PAGE = "/school/safeguarding-contact";

    @Inject
    MailSender sender;

    @Inject
    PasswordResets resets;

    @Test
    void aDeactivatedSchoolCannotSignInKeepsItsHistoryAndCanBeReactivated() {
        String email = "deact-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example";
        JsonPath created = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("School"),
                "district", "Deactivation district", "contactName", "Teacher", "contactEmail", email, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        long sid = created.getLong("id");
        Login login = new Login(created.getString("username"), created.getString("password"));
        JudgingFixtures.SchoolAccount school = new JudgingFixtures.SchoolAccount(sid, created.getString("name"),
                "Deactivation district", login);
        long cid = JudgingFixtures.openCompetition(1);
        long eid = JudgingFixtures.draftEntry(cid, school, "Kept poster", "s", List.of("Ada"), true, true);
        WebSession page = WebSession.signIn(login.username(), login.password());
        // A reset link mailed before the deactivation...
        ORGANISER.as().post("/api/schools/{sid}/password-reset", sid).then().statusCode(201);
        sender.run();
        String before = Mailbox.to(email).get(Mailbox.to(email).size() - 1).token("reset");
        assertThat(page.get(SCHOOL_PAGE).statusCode()).isEqualTo(200);

        ORGANISER.as().post("/api/schools/{sid}/deactivate", sid).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(false))
                .body("username", org.hamcrest.Matchers.equalTo(login.username()));
        // Again: nothing changes.
        ORGANISER.as().post("/api/schools/{sid}/deactivate", sid).then().statusCode(200);

        login.as().get("/api/competitions").then().statusCode(401);
        assertThat(page.get(SCHOOL_PAGE).statusCode()).as("the open session ended").isNotEqualTo(200);
        assertThat(WebSession.anonymous().postSignIn(login.username(), login.password()).header("Location"))
                .contains("failed");
        // No reset link reaches a deactivated account.
        anonymous().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/password-resets")
                .then().statusCode(202);
        resets.handle();
        sender.run();
        assertThat(Mailbox.to(email)).hasSize(1);
        // ...sets no password on it any more, and the organiser cannot send it a new link.
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "a password chosen late"))
                .post("/api/password-resets/{token}", before).then().statusCode(410);
        Api.problem(ORGANISER.as().post("/api/schools/{sid}/password-reset", sid), 409)
                .body("detail", org.hamcrest.Matchers.containsString("reactivate it"));
        Api.problem(ORGANISER.as().post("/api/schools/{sid}/invitation", sid), 409);
        // Its history stays.
        ORGANISER.as().get("/api/entries/{eid}", eid).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("Kept poster"));
        ORGANISER.as().get("/api/schools/{sid}", sid).then().statusCode(200);

        ORGANISER.as().post("/api/schools/{sid}/reactivate", sid).then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(true));
        login.as().get("/api/competitions").then().statusCode(200);
        assertThat(WebSession.signIn(login.username(), login.password()).get(SCHOOL_PAGE).statusCode()).isEqualTo(200);

        Api.problem(ORGANISER.as().post("/api/schools/0/deactivate"), 404);
        login.as().post("/api/schools/{sid}/deactivate", sid).then().statusCode(403);
    }

    @Test
    void aJurorIsDeactivatedAndReactivatedFromThePeoplePage() {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        juror.login().as().get("/api/competitions").then().statusCode(200);
        WebSession organiser = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        assertThat(organiser.get("/organiser/jurors").asString()).contains("/deactivate\"");
        assertThat(organiser.post("/organiser/jurors", "/organiser/jurors/" + juror.id() + "/deactivate", Map.of())
                .statusCode()).isEqualTo(303);
        juror.login().as().get("/api/competitions").then().statusCode(401);
        assertThat(organiser.post("/organiser/jurors", "/organiser/jurors/" + juror.id() + "/reactivate", Map.of())
                .statusCode()).isEqualTo(303);
        juror.login().as().get("/api/competitions").then().statusCode(200);
    }

    /**
     * Sign-ins on the page racing a deactivation: whichever order they commit in, no session of the
     * account works afterwards (a session started just after the sessions were ended does not resume).
     */
    @Test
    void noSessionSurvivesADeactivationRacingSignIns() {
        Random random = new Random(12);
        for (int round = 0; round < Race.rounds(3); round++) {
            JudgingFixtures.SchoolAccount school = JudgingFixtures.school("Race district");
            Login login = school.login();
            List<WebSession> browsers = new ArrayList<>();
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                WebSession browser = WebSession.anonymous();
                browsers.add(browser);
                tasks.add(() -> browser.postSignIn(login.username(), login.password()).statusCode());
            }
            tasks.add(() -> ORGANISER.as().post("/api/schools/{sid}/deactivate", school.id()).statusCode());
            Collections.shuffle(tasks, random);
            assertThat(Race.all(tasks)).contains(200);
            for (WebSession browser : browsers) {
                assertThat(browser.get(SCHOOL_PAGE).statusCode()).as("round " + round).isNotEqualTo(200);
            }
            login.as().get("/api/competitions").then().statusCode(401);
        }
    }
}
