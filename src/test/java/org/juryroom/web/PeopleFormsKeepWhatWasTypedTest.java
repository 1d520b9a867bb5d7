package org.juryroom.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.juryroom.support.RealStack;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser's forms that register people (schools, jurors, safeguarding leads) come back from a refusal as they
 * were sent, the "send an invitation" box included: an organiser who unticked it to hand the password over in
 * person, and fixes the refused field, must not have an invitation mailed by a box the refusal ticked again.
 */
@QuarkusTest
class PeopleFormsKeepWhatWasTypedTest {

    private static final Pattern INVITE = Pattern.compile("<input type=\"checkbox\" name=\"invite\"[^>]*>");

    @Test
    void theInvitationBoxComesBackFromARefusalAsItWasSent() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        // A blank district, e-mail or phone is refused (422) whatever the box says.
        Map<String, Map<String, String>> forms = Map.of(
                "/organiser/schools", Map.of("name", Fixtures.unique("Kept School"), "district", " ",
                        "contactName", "Asha Roy", "contactEmail", "asha@school.example"),
                "/organiser/jurors", Map.of("name", Fixtures.unique("Kept Juror"), "email", "not-an-address"),
                "/organiser/safeguarding-leads", Map.of("name", Fixtures.unique("Kept Lead"), "email",
                        "lead@ngo.example", "phone", ""));
        forms.forEach((page, form) -> {
            assertThat(invite(web.get(page))).as("fresh form of " + page).contains(" checked");
            Response unticked = web.post(page, page, form);
            assertThat(unticked.statusCode()).as(page).isEqualTo(422);
            assertThat(invite(unticked)).as("refused, sent unticked: " + page).doesNotContain("checked");
            Map<String, String> ticked = new HashMap<>(form);
            ticked.put("invite", "on");
            Response kept = web.post(page, page, ticked);
            assertThat(kept.statusCode()).as(page).isEqualTo(422);
            assertThat(invite(kept)).as("refused, sent ticked: " + page).contains(" checked");
        });
    }

    /** A refused edit keeps what was typed in the fields, and the page stays titled by the person it edits. */
    @Test
    void aRefusedEditIsStillTitledByThePersonItEdits() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        String schoolName = Fixtures.unique("Titled School");
        Fixtures.school(schoolName);
        String jurorName = Fixtures.unique("Titled Juror");
        Fixtures.juror(jurorName);
        long sid = org.juryroom.school.School.<org.juryroom.school.School>find("name", schoolName).firstResult().id;
        long jid = org.juryroom.judging.Juror.<org.juryroom.judging.Juror>find("name", jurorName).firstResult().id;
        Map<String, Map<String, String>> edits = Map.of(
                "/organiser/schools/" + sid + "/edit", Map.of("name", "", "district", "Kolkata typed",
                        "contactName", "Asha Roy", "contactEmail", "asha@school.example"),
                "/organiser/jurors/" + jid + "/edit", Map.of("name", "", "email", "typed@jury.example"));
        Map<String, String> stored = Map.of("/organiser/schools/" + sid + "/edit", schoolName,
                "/organiser/jurors/" + jid + "/edit", jurorName);
        edits.forEach((page, form) -> {
            Response refused = web.post(page, page, form);
            assertThat(refused.statusCode()).as(page).isEqualTo(422);
            String html = refused.asString();
            assertThat(html).as(page).contains("<h1>" + stored.get(page) + "</h1>")
                    .contains(" › " + stored.get(page) + "</nav>")
                    .containsPattern("<title>[^<]*" + Pattern.quote(stored.get(page)))
                    .contains(form.containsKey("district") ? "value=\"Kolkata typed\"" : "value=\"typed@jury.example\"");
        });
    }

    /** A refused assignment run (here a seed that is no number) comes back with the jurors per entry and the seed typed. */
    @Test
    void aRefusedAssignmentRunKeepsItsJurorsPerEntryAndSeed() {
        WebSession web = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        long cid = Fixtures.openCompetition(Fixtures.unique("Kept Assignment"), 3);
        String page = "/organiser/competitions/" + cid;
        assertThat(web.get(page).asString()).contains("id=\"jurorsPerEntry\"").containsPattern(
                "id=\"jurorsPerEntry\"[^>]*value=\"3\"");
        Response refused = web.post(page, page + "/assignments", Map.of("jurorsPerEntry", "5", "seed", "12x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).containsPattern("id=\"jurorsPerEntry\"[^>]*value=\"5\"")
                .containsPattern("id=\"seed\"[^>]*value=\"12x\"");
    }

    private static String invite(Response page) {
        Matcher m = INVITE.matcher(page.asString());
        assertThat(m.find()).as("the invitation box").isTrue();
        return m.group();
    }
}
