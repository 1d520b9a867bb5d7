package org.juryroom.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Mailbox;
import org.juryroom.support.RealStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * HTTP Basic with its short-lived cache of correct passwords (PasswordSignIn, BasicCache): every
 * change to the account takes effect on the next request, and a wrong password is never let in.
 * Each case first signs in twice, so the correct password is in the cache when the change comes.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class BasicSignInTest {

    @Inject
    MailSender sender;

    @Inject
    org.juryroom.access.PasswordResets resets;

    private static void works(Login login) {
        login.as().get("/api/competitions").then().statusCode(200);
        login.as().get("/api/competitions").then().statusCode(200);
    }

    @Test
    void aResetPasswordTakesEffectAtOnceAndEndsTheAccountsApiTokens() {
        String email = "cache-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example";
        var created = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("School"),
                        "district", "Cache district", "contactName", "T", "contactEmail", email, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        Login old = new Login(created.getString("username"), created.getString("password"));
        works(old);
        String token = old.as().contentType(ContentType.JSON).body(Map.of("name", "Script"))
                .post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        ApiTokenTest.bearer(token).get("/api/competitions").then().statusCode(200);
        anonymous().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/password-resets")
                .then().statusCode(202);
        resets.handle();
        sender.run();
        String link = Mailbox.to(email).get(0).token("reset");
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "a brand new password"))
                .post("/api/password-resets/" + link).then().statusCode(204);
        old.as().get("/api/competitions").then().statusCode(401);
        ApiTokenTest.bearer(token).get("/api/competitions").then().statusCode(401);
        works(new Login(old.username(), "a brand new password"));
    }

    /** Another instance's change arrives by its notification (SignInMemoryTest: and without the listener). */
    @Test
    void aPasswordChangedElsewhereTakesEffectOnceItsNotificationArrives() throws Exception {
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        works(juror.login());
        // As another instance (or any other path) writing the account's new hash.
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("update app_user set password_hash = ? where username = ?")) {
            st.setString(1, BcryptUtil.bcryptHash("changed elsewhere"));
            st.setString(2, juror.login().username());
            st.executeUpdate();
        }
        SignInMemoryTest.eventually("the change elsewhere is seen",
                () -> juror.login().as().get("/api/competitions").statusCode() == 401);
        works(new Login(juror.login().username(), "changed elsewhere"));
    }

    @Test
    void aDeactivationTakesEffectAtOnce() {
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school("Cache district");
        works(school.login());
        ORGANISER.as().post("/api/schools/{sid}/deactivate", school.id()).then().statusCode(200);
        school.login().as().get("/api/competitions").then().statusCode(401);
        ORGANISER.as().post("/api/schools/{sid}/reactivate", school.id()).then().statusCode(200);
        works(school.login());
    }

    /** Wrong passwords are never let in, and past the limit the cached right one is throttled like any other. */
    @Test
    void aWrongPasswordIsNeverCachedAndTheThrottleStillApplies() {
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school("Cache district");
        String user = school.login().username();
        String client = "203.0.113.77";
        given().auth().preemptive().basic(user, school.login().password()).header("X-Forwarded-For", client)
                .get("/api/competitions").then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic(user, school.login().password() + "x").header("X-Forwarded-For", client)
                    .get("/api/competitions").then().statusCode(401);
        }
        given().auth().preemptive().basic(user, school.login().password()).header("X-Forwarded-For", client)
                .get("/api/competitions").then().statusCode(401);
        given().auth().preemptive().basic(user, school.login().password())
                .header("X-Forwarded-For", "203.0.113.78").get("/api/competitions").then().statusCode(200);
    }
}
