package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form comes back with what the person chose and typed, so nothing is typed twice: the username of
 * a refused sign-in (never the password), a juror's screening comment when no vote was chosen, and the juror,
 * school and reason of a conflict (the organiser's and the juror's own).
 */
@QuarkusTest
class RefusedFormsKeepInputTest {

    @Test
    void aRefusedSignInKeepsTheUsernameButNotThePassword() {
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Typed Name School"));
        WebSession web = WebSession.anonymous();
        Response refused = web.postSignIn(school.username(), "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).isEqualTo("/login?failed").doesNotContain(school.username());
        assertThat(refused.header("Set-Cookie")).contains(SignInResource.TYPED_NAME).containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict").contains("Path=/login").doesNotContain("not-the-password");
        String page = web.get("/login?failed").asString();
        assertThat(page).contains("id=\"login-error\"")
                .contains("name=\"j_username\" type=\"text\"").contains("value=\"" + school.username() + "\"")
                .doesNotContain("not-the-password");
        // Shown once: the next sign-in page starts empty.
        assertThat(web.get("/login").asString()).doesNotContain("value=\"" + school.username() + "\"");
        // A cookie of that name that we did not write (anyone may set one) is no name: the page, not a 500.
        for (String forged : java.util.List.of("%zz", "%", "a".repeat(300))) {
            Response page2 = io.restassured.RestAssured.given().redirects().follow(false)
                    .cookie(SignInResource.TYPED_NAME, forged).get("/login?failed");
            assertThat(page2.statusCode()).as(forged).isEqualTo(200);
            assertThat(page2.asString()).contains("id=\"login-error\"").doesNotContain("value=\"aaaa");
        }
    }

    @Test
    void aScreeningVoteWithoutAChoiceKeepsTheComment() {
        Fixtures.ScreeningDesk desk = Fixtures.screeningDesk("Typed Vote");
        WebSession web = WebSession.signIn(desk.juror().username(), desk.juror().password());
        String page = "/jury/entries/" + desk.entryId();
        Response refused = web.post(page, page + "/screening", Map.of("comment", "Bold colours, a clear message"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains(">Bold colours, a clear message</textarea>")
                .contains("choose yes, no or abstain").doesNotContain("checked");
        // Voted, then a refused change: the form shows the new comment, and still that a vote is recorded.
        web.post(page, page + "/screening", Map.of("vote", "YES", "comment", "First thoughts"));
        String again = web.post(page, page + "/screening", Map.of("vote", "MAYBE", "comment", "Second thoughts"))
                .asString();
        assertThat(again).contains(">Second thoughts</textarea>").contains("class=\"badge done\"");
    }

    @Test
    void aRefusedConflictKeepsTheJurorTheSchoolAndTheReason() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Typed Conflict"), 1);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Typed Conflict School"));
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Typed Conflict Juror"));
        String tooLong = "my cousin teaches there " + "x".repeat(500);

        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String page = "/organiser/competitions/" + cid + "/conflicts";
        Response refused = organiser.post(page, page, Map.of("jurorId", String.valueOf(juror.id()),
                "schoolId", String.valueOf(school.id()), "reason", tooLong));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("<option value=\"" + juror.id() + "\" selected>")
                .contains("<option value=\"" + school.id() + "\" selected>")
                .contains("name=\"reason\" type=\"text\" maxlength=\"500\" value=\"" + tooLong + "\"");
        // A school not chosen: the juror and the reason stay.
        Response noSchool = organiser.post(page, page, Map.of("jurorId", String.valueOf(juror.id()),
                "reason", "my cousin teaches there"));
        assertThat(noSchool.statusCode()).isEqualTo(422);
        assertThat(noSchool.asString()).contains("<option value=\"" + juror.id() + "\" selected>")
                .contains("value=\"my cousin teaches there\"").doesNotContain("\" selected>" + school.name());

        WebSession own = WebSession.signIn(juror.username(), juror.password());
        Response declared = own.post("/jury/conflicts", "/jury/conflicts", Map.of("schoolId",
                String.valueOf(school.id()), "reason", tooLong));
        assertThat(declared.statusCode()).isEqualTo(422);
        assertThat(declared.asString()).contains("<option value=\"" + school.id() + "\" selected>")
                .contains("value=\"" + tooLong + "\"");
        assertThat(own.get("/jury/conflicts").asString()).doesNotContain("\" selected>");
    }
}
