package org.juryroom.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Mailbox;
import org.juryroom.web.WebSession;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * An invited account (a school, a juror, one line of an import) is created without a password, so
 * no bcrypt is paid for it; until it accepts the invitation no password signs it in, refused as a
 * wrong password is.
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class InvitedAccountTest {

    @Inject
    MailSender sender;

    private static String storedHash(String username) {
        return QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElseThrow().passwordHash);
    }

    private static Response basic(String username, String password) {
        return anonymous().auth().preemptive().basic(username, password).get("/api/competitions");
    }

    @Test
    void anInvitedAccountHasNoPasswordUntilItAcceptsAndIsRefusedLikeAWrongPasswordMeanwhile() {
        String email = "invited-" + UUID.randomUUID().toString().substring(0, 12) + "@school.example";
        JsonPath school = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name",
                        JudgingFixtures.unique("Invited school"), "district", "Invited district", "contactName", "Teacher",
                        "contactEmail", email)).post("/api/schools").then().statusCode(201).extract().jsonPath();
        assertThat(school.getString("password")).isNull();
        String username = school.getString("username");
        assertThat(storedHash(username)).isEqualTo(Credentials.NO_PASSWORD);
        JsonPath juror = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name",
                        JudgingFixtures.unique("Invited juror"), "email", "invited-" + email))
                .post("/api/jurors").then().statusCode(201).extract().jsonPath();
        assertThat(storedHash(juror.getString("username"))).isEqualTo(Credentials.NO_PASSWORD);
        // Accounts created with a password still get a bcrypt hash.
        assertThat(storedHash(JudgingFixtures.juror().login().username())).startsWith("$2");

        JudgingFixtures.Login other = JudgingFixtures.juror().login();
        Response wrong = basic(other.username(), "not " + other.password());
        for (String attempt : new String[] {"", Credentials.NO_PASSWORD, "some password"}) {
            Response invited = basic(username, attempt);
            assertThat(invited.statusCode()).as(attempt).isEqualTo(401).isEqualTo(wrong.statusCode());
            assertThat(invited.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
            assertThat(invited.asString()).isEqualTo(wrong.asString());
        }
        assertThat(WebSession.anonymous().postSignIn(username, Credentials.NO_PASSWORD).header("Location"))
                .contains("failed");

        sender.run();
        String token = Mailbox.to(email).get(0).token("invite");
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "school chosen password"))
                .post("/api/invitations/" + token).then().statusCode(204);
        assertThat(storedHash(username)).startsWith("$2");
        basic(username, "school chosen password").then().statusCode(200);
        basic(username, Credentials.NO_PASSWORD).then().statusCode(401);
    }
}
