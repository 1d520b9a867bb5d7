package org.juryroom.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingFixtures.Login;
import org.juryroom.judging.JudgingFixtures.SchoolAccount;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.support.Mailbox;
import org.juryroom.support.Mailbox.Delivered;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;

/** What schools are mailed: a receipt for each submitted entry, and the result once it is published. */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class SchoolMailTest {

    @Inject
    MailSender sender;

    @Test
    void aSubmittedEntryIsReceiptedAndThePublishedResultReachesEverySchoolThatTookPart() throws Exception {
        long cid = JudgingFixtures.openCompetition(1);
        String competition = ORGANISER.as().get("/api/competitions/{cid}", cid).then().statusCode(200)
                .extract().jsonPath().getString("title");
        String district = JudgingFixtures.unique("Mail district");
        String winnerMail = address("winner");
        String otherMail = address("other");
        String idleMail = address("idle");
        SchoolAccount winner = school(district, winnerMail);
        SchoolAccount other = school(district, otherMail);
        school(district, idleMail);

        byte[] png = JudgingFixtures.png();
        long won = JudgingFixtures.draftEntry(cid, winner, "poster", "Kite of kindness", "s", List.of("Mirabel"),
                true, true, JudgingFixtures.Upload.png("Mirabel_poster.png", png));
        // Nothing is mailed for a draft.
        sender.run();
        assertThat(Mailbox.to(winnerMail)).isEmpty();
        JudgingFixtures.submit(winner, won);
        long lost = JudgingFixtures.submittedEntry(cid, other, "Quiet lantern", "s", List.of("Tobiah"));
        String wonCode = code(won);

        sender.run();
        Delivered receipt = single(winnerMail);
        assertThat(receipt.subject()).isEqualTo("Entry " + wonCode + " received");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        for (String part : List.of(receipt.text(), receipt.html())) {
            assertThat(part).contains(wonCode, "Kite of kindness", competition, "image/png", sha)
                    .doesNotContain("Mirabel", winner.name(), district);
        }
        assertThat(receipt.text()).containsPattern("Submitted: \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} ");
        assertThat(single(otherMail).text()).contains(code(lost), "Quiet lantern").doesNotContain("Tobiah");

        // Judge, freeze the top 1 (the winner's entry), publish.
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(juror, won, 10, 5);
        JudgingFixtures.submitScore(juror, lost, 2, 1);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        sender.run();
        assertThat(Mailbox.to(winnerMail)).hasSize(1);
        JudgingFixtures.transition(cid, "PUBLISHED");

        sender.run();
        List<Delivered> winnerMails = Mailbox.to(winnerMail);
        assertThat(winnerMails).hasSize(2);
        Delivered result = winnerMails.get(1);
        assertThat(result.subject()).isEqualTo("The result of " + competition);
        assertThat(result.text()).contains("on the shortlist", "Kite of kindness (" + wonCode + ")",
                "http://juryroom.test/shortlist/" + cid).doesNotContain("Mirabel");
        assertThat(result.html()).contains("href=\"http://juryroom.test/shortlist/" + cid + "\"");
        List<Delivered> otherMails = Mailbox.to(otherMail);
        assertThat(otherMails).hasSize(2);
        assertThat(otherMails.get(1).text()).contains("None of your school's entries is on the shortlist")
                .doesNotContain("Quiet lantern", "Kite of kindness");
        // A school without entries is not mailed.
        assertThat(Mailbox.to(idleMail)).isEmpty();
        JsonPath queued = ORGANISER.as().queryParam("to", winnerMail).get("/api/outbox").then().statusCode(200)
                .extract().jsonPath();
        assertThat(queued.getList("items.kind")).containsExactly("RESULT", "RECEIPT");

        // Publishing again after an unpublish shows the same sealed shortlist: no second result.
        JudgingFixtures.transition(cid, "FROZEN");
        JudgingFixtures.transition(cid, "PUBLISHED");
        sender.run();
        assertThat(Mailbox.to(winnerMail)).hasSize(2);
        assertThat(Mailbox.to(otherMail)).hasSize(2);
    }

    /**
     * An entry held for safeguarding after the freeze and published so: the public page leaves it out,
     * but the school learns nothing of the hold, from the mail or the portal, which agree (shortlisted).
     */
    @Test
    void aHeldShortlistedEntryIsShortlistedInTheMailAsOnThePortal() {
        long cid = JudgingFixtures.openCompetition(2);
        String schoolMail = address("held");
        SchoolAccount school = school(JudgingFixtures.unique("Mail district"), schoolMail);
        long held = JudgingFixtures.submittedEntry(cid, school, "Lantern of care", "s", List.of("Ishani"));
        long shown = JudgingFixtures.submittedEntry(cid, school, "Bridge of trust", "s", List.of("Kabir"));
        JudgingFixtures.JurorAccount juror = JudgingFixtures.juror();
        JudgingFixtures.panels(cid, Map.of(juror.id(), List.of()));
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        JudgingFixtures.submitScore(juror, held, 10, 5);
        JudgingFixtures.submitScore(juror, shown, 8, 4);
        ORGANISER.as().post("/api/competitions/{cid}/shortlist", cid).then().statusCode(201);
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("kind", "DISCLOSURE", "urgency", "NORMAL",
                "note", "Raised after the freeze.")).post("/api/entries/{eid}/concerns", held).then().statusCode(201);
        JudgingFixtures.transition(cid, "PUBLISHED");
        sender.run();

        JudgingFixtures.anonymous().get("/api/public/competitions/{cid}/shortlist", cid).then().statusCode(200)
                .body("entries.title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Lantern of care")));
        Delivered result = Mailbox.to(schoolMail).stream().filter(m -> m.subject().startsWith("The result of"))
                .findFirst().orElseThrow();
        assertThat(result.text()).contains("on the shortlist", "Lantern of care (" + code(held) + ")",
                "Bridge of trust (" + code(shown) + ")");
        JsonPath mine = school.login().as().get("/api/competitions/{cid}/entries", cid).then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getString("items.find { it.id == " + held + " }.result")).isEqualTo("SHORTLISTED");
        assertThat(mine.getString("items.find { it.id == " + shown + " }.result")).isEqualTo("SHORTLISTED");
        String portal = org.juryroom.web.WebSession.signIn(school.login().username(), school.login().password())
                .get("/school").then().statusCode(200).extract().asString();
        assertThat(portal).doesNotContain("NOT_SHORTLISTED").contains("data-result=\"SHORTLISTED\"");
    }

    private static SchoolAccount school(String district, String email) {
        String name = JudgingFixtures.unique("School");
        JsonPath json = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", name, "district", district,
                        "contactName", "Teacher", "contactEmail", email, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        return new SchoolAccount(json.getLong("id"), name, district,
                new Login(json.getString("username"), json.getString("password")));
    }

    private static String code(long entryId) {
        return ORGANISER.as().get("/api/entries/{eid}", entryId).then().statusCode(200).extract().jsonPath()
                .getString("code");
    }

    private static Delivered single(String email) {
        List<Delivered> mails = Mailbox.to(email);
        assertThat(mails).as("mails to " + email).hasSize(1);
        return mails.get(0);
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example";
    }
}
