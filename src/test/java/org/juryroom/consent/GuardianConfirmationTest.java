package org.juryroom.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.juryroom.mail.MailSender;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;
import org.juryroom.support.Mailbox.Delivered;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.juryroom.consent.GuardianConsentTest.ATTESTED;
import static org.juryroom.consent.GuardianConsentTest.child;
import static org.juryroom.consent.GuardianConsentTest.create;
import static org.juryroom.consent.GuardianConsentTest.entry;
import static org.juryroom.consent.GuardianConsentTest.guardian;
import static org.juryroom.judging.JudgingFixtures.anonymous;
import static org.juryroom.web.Fixtures.organiser;

/**
 * GUARDIAN_EMAIL_CONFIRMED end to end with the tests' real SMTP server: the school records it, nothing
 * is in force and the entry cannot be submitted until the guardian confirms through the mailed link;
 * the guardians' mails name the child and the competition, never the school.
 */
@QuarkusTest
class GuardianConfirmationTest {

    @Inject
    MailSender sender;

    @Inject
    EntityManager em;

    static Map<String, Object> byEmail(String name, String email, String... scopes) {
        Map<String, Object> c = guardian(name, null, scopes);
        c.put("guardianEmail", email);
        c.put("verification", "GUARDIAN_EMAIL_CONFIRMED");
        c.remove("verificationReference");
        return c;
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID() + "@guardians.example";
    }

    static Delivered single(String email) {
        List<Delivered> mails = Mailbox.to(email);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** As docs/api.md has it: no body, so no Content-Type either (what a bare {@code curl -X POST} sends). */
    static Response confirm(String token) {
        return anonymous().post("/api/consents/{t}/confirm", token);
    }

    @Test
    void theEntryIsSubmittedOnlyOnceTheGuardianConfirmsThroughTheMailedLinkWhichNamesNoSchool() {
        String competition = Fixtures.unique("Confirm Competition");
        long cid = Fixtures.openCompetition(competition, 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Confirm School"));
        String email = address("anita");
        long eid = create(school, cid, entry("Confirmed Poster", List.of(child("Kavya",
                byEmail("Anita", email, "judging", "publishWork"))), ATTESTED));

        JsonPath json = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("participants[0].consent.awaitingConfirmation")).isTrue();
        assertThat(json.getList("participants[0].consent.scopes")).containsExactly("judging", "publishWork");
        assertThat(json.getList("participants[0].consent.activeScopes")).isEmpty();
        assertThat(json.getBoolean("consent.judging")).isFalse();
        assertThat(WebSession.signIn(school.username(), school.password()).get("/school/entries/" + eid).asString())
                .contains("Awaiting the guardian");

        Response refused = school.api().post("/api/entries/" + eid + "/submit");
        Api.problem(refused, 422).body("violations.field", hasItem("participants[0].consent.judging"));
        assertThat(refused.asString()).contains("has not confirmed the consent yet");

        sender.run();
        Delivered mail = single(email);
        assertThat(mail.subject()).isEqualTo("Please confirm your consent for " + competition);
        assertThat(mail.text()).contains("Hello Anita,", "Kavya", competition, "judging: the competition's jury",
                "publishing the work", "The consent notice you are agreeing to (version", "http://juryroom.test/consent/")
                .doesNotContain("publishing the child's first name").doesNotContain(school.name());
        assertThat(mail.html()).contains("Kavya").doesNotContain(school.name());
        String token = mail.token("consent");
        // The confirmation link's secret is the guardian's alone: the school's entry shows the withdrawal link,
        // which the mail carries too, for later.
        String withdrawUrl = json.getString("participants[0].consent.withdrawUrl");
        assertThat(withdrawUrl).isNotEqualTo("/consent/" + token);
        assertThat(mail.text()).contains("http://juryroom.test" + withdrawUrl);
        assertThat(school.api().get("/api/entries/" + eid).asString()).doesNotContain(token);
        // The organiser reads the message in the outbox, but not the guardian's credentials.
        assertThat(organiser().queryParam("to", email).get("/api/outbox").then().statusCode(200).extract()
                .jsonPath().getString("items[0].text")).contains("/consent/…").doesNotContain(token)
                .doesNotContain(withdrawUrl);

        JsonPath confirmed = confirm(token).then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getBoolean("awaitingConfirmation")).isFalse();
        assertThat(confirmed.getList("active")).containsExactly("judging", "publishWork");
        String at = confirmed.getString("confirmedAt");
        assertThat(at).isNotNull();
        // Confirms once: sent again (a double click) it answers the confirmed consent and changes nothing
        // (one audit line below); the withdrawal link shows the same.
        confirm(token).then().statusCode(200).body("confirmedAt", equalTo(at));
        anonymous().get("/api" + withdrawUrl.replace("/consent/", "/consents/")).then().statusCode(200)
                .body("confirmedAt", equalTo(at));
        List<Map<String, Object>> audited = organiser().queryParam("action", "CONSENT_RECORDED")
                .get("/api/competitions/{cid}/audit", cid).then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(audited).hasSize(2); // recorded by the school, then confirmed by the guardian
        assertThat(audited.toString()).contains("GUARDIAN_LINK").doesNotContain("Anita").doesNotContain(email)
                .doesNotContain("Kavya");

        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(Mailbox.to(email)).hasSize(1); // confirming sends nothing more
        confirm("C".repeat(43)).then().statusCode(404);

        // Withdrawn through the same link: the record's personal data is erased, and the link opens nothing.
        ConsentFixtures.withdraw(token, "judging").then().statusCode(200);
        confirm(token).then().statusCode(404);
        anonymous().get("/api/consents/{t}", token).then().statusCode(404);
    }

    @Test
    void theGuardianConfirmsOnTheLinksPage() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Page Confirm Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Page Confirm School"));
        String email = address("ravi");
        long eid = create(school, cid, entry("Page Poster", List.of(child("Ishaan",
                byEmail("Ravi", email, "judging"))), ATTESTED));
        sender.run();
        String page = "/consent/" + single(email).token("consent");
        String withdrawal = school.api().get("/api/entries/" + eid).then().extract().jsonPath()
                .getString("participants[0].consent.withdrawUrl");
        WebSession guardian = WebSession.anonymous();
        assertThat(guardian.get(page).asString()).contains("given, awaiting your confirmation").contains("I confirm")
                .contains("value=\"judging\"");
        Response posted = guardian.post(page, page + "/confirm", Map.of());
        assertThat(posted.statusCode()).isEqualTo(303);
        // The confirmation link is spent: the guardian lands on the withdrawal link's page, theirs to keep.
        assertThat(posted.header("Location")).endsWith(withdrawal + "?confirmed=1");
        assertThat(guardian.get(withdrawal + "?confirmed=1").asString()).contains("your consent is confirmed")
                .doesNotContain("I confirm");
        // Opened again from the mail, or "I confirm" pressed twice: the confirmed consent, not a dead link.
        assertThat(guardian.get(page).asString()).containsPattern("<strong>Judging</strong>:\\s*given")
                .doesNotContain("I confirm").doesNotContain("no longer opens");
        Response twice = guardian.post(withdrawal, page + "/confirm", Map.of());
        assertThat(twice.statusCode()).isEqualTo(303);
        assertThat(twice.header("Location")).endsWith(withdrawal + "?confirmed=1");
        school.api().get("/api/entries/" + eid).then().body("consent.judging", equalTo(true))
                .body("participants[0].consent.awaitingConfirmation", equalTo(false));
    }

    @Test
    void aPaperFormRecordWithAnEmailMailsTheGuardianTheWithdrawalLinkOnce() {
        String competition = Fixtures.unique("Paper Competition");
        long cid = Fixtures.openCompetition(competition, 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Paper School"));
        String email = address("meena");
        Map<String, Object> paper = guardian("Meena", "+91 98300 12345", "judging", "publishName");
        paper.put("guardianEmail", email);
        long eid = create(school, cid, entry("Paper Poster", List.of(child("Tara", paper)), ATTESTED));
        JsonPath json = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath();
        assertThat(json.getBoolean("participants[0].consent.awaitingConfirmation")).isFalse();
        assertThat(json.getBoolean("consent.judging")).isTrue();

        // Saving the same consent again is no new record: no second mail.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Tara", paper))))
                .patch("/api/entries/" + eid).then().statusCode(200);
        sender.run();
        Delivered mail = single(email);
        assertThat(mail.subject()).isEqualTo("Your consent for " + competition + " was recorded");
        assertThat(mail.text()).contains("Hello Meena,", "Tara", competition, "See or withdraw your consent",
                "http://juryroom.test" + json.getString("participants[0].consent.withdrawUrl"))
                .doesNotContain("confirm").doesNotContain(school.name());
        assertThat(mail.html()).doesNotContain(school.name());
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(200);

        // Erasure takes the guardian's mails (address, child's name) out of the outbox too.
        assertThat(outboxTo(email)).hasSize(1);
        organiser().post("/api/entries/{eid}/erasure", eid).then().statusCode(200);
        assertThat(outboxTo(email)).isEmpty();
    }

    /** The audit's case: the school holds the withdrawal link; it shows and withdraws, but never confirms. */
    @Test
    void theWithdrawalLinkTheSchoolHoldsNeverConfirms() {
        long cid = Fixtures.openCompetition(Fixtures.unique("School Confirm Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("School Confirm School"));
        String email = address("sunita");
        long eid = create(school, cid, entry("School Poster", List.of(child("Arjun",
                byEmail("Sunita", email, "judging"))), ATTESTED));
        String withdrawUrl = school.api().get("/api/entries/" + eid).then().statusCode(200).extract().jsonPath()
                .getString("participants[0].consent.withdrawUrl");
        String token = withdrawUrl.substring("/consent/".length());

        confirm(token).then().statusCode(404);
        WebSession browser = WebSession.anonymous();
        String page = browser.get(withdrawUrl).asString();
        assertThat(page).contains("given, awaiting your confirmation").doesNotContain("I confirm")
                .contains("only through the confirmation link mailed to you");
        assertThat(browser.post(withdrawUrl, withdrawUrl + "/confirm", Map.of()).statusCode()).isEqualTo(404);

        school.api().get("/api/entries/" + eid).then().body("participants[0].consent.awaitingConfirmation", equalTo(true))
                .body("consent.judging", equalTo(false));
        school.api().post("/api/entries/" + eid + "/submit").then().statusCode(422);
        assertThat(organiser().queryParam("action", "CONSENT_RECORDED").get("/api/competitions/{cid}/audit", cid)
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1); // the school's only
        anonymous().get("/api/consents/{t}", token).then().statusCode(200).body("awaitingConfirmation", equalTo(true));
    }

    /** A mistyped address fixed: the link mailed to the first address dies, the new one confirms. */
    @Test
    void askingAgainReplacesTheConfirmationLink() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Reask Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Reask School"));
        String wrong = address("wrong");
        String right = address("priya");
        long eid = create(school, cid, entry("Reask Poster", List.of(child("Diya",
                byEmail("Priya", wrong, "judging"))), ATTESTED));
        sender.run();
        String first = single(wrong).token("consent");
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Diya",
                byEmail("Priya", right, "judging"))))).patch("/api/entries/" + eid).then().statusCode(200);
        sender.run();
        String second = single(right).token("consent");
        assertThat(second).isNotEqualTo(first);

        confirm(first).then().statusCode(404);
        anonymous().get("/api/consents/{t}", first).then().statusCode(404);
        // A dead link: not a bare "not found", but what the guardian can do, in their language.
        Response dead = WebSession.anonymous().get("/consent/" + first);
        assertThat(dead.statusCode()).isEqualTo(404);
        assertThat(dead.asString()).contains("This link no longer opens a consent")
                .contains("ask your child&#39;s school for a new link");
        assertThat(WebSession.anonymous().get("/consent/" + first + "?lang=bn").asString())
                .contains("এই লিংক আর কোনো সম্মতি খোলে না");
        confirm(second).then().statusCode(200).body("active", hasItem("judging"));
        confirm(second).then().statusCode(200).body("active", hasItem("judging"));

        // Asked again (a new address): the link that confirmed is dead too, and the consent awaits the new one.
        String third = address("priya.new");
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Diya",
                byEmail("Priya", third, "judging"))))).patch("/api/entries/" + eid).then().statusCode(200);
        confirm(second).then().statusCode(404);
        assertThat(WebSession.anonymous().get("/consent/" + second).statusCode()).isEqualTo(404);
        school.api().get("/api/entries/" + eid).then().body("participants[0].consent.awaitingConfirmation", equalTo(true));
    }

    /** An expired link (or none, as V40 leaves the records awaiting) is renewed when the school saves again. */
    @Test
    void anExpiredConfirmationLinkIsRenewedWhenTheSchoolSavesTheConsentAgain() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Expiry Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Expiry School"));
        String email = address("kiran");
        Map<String, Object> consent = byEmail("Kiran", email, "judging");
        long eid = create(school, cid, entry("Expiry Poster", List.of(child("Rohan", consent)), ATTESTED));
        sender.run();
        String first = single(email).token("consent");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update guardian_consent set"
                + " confirm_expires_at = now() - interval '1 second' where entry_id = :e").setParameter("e", eid)
                .executeUpdate());
        confirm(first).then().statusCode(404);

        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Rohan", consent))))
                .patch("/api/entries/" + eid).then().statusCode(200);
        sender.run();
        List<Delivered> mails = Mailbox.to(email);
        assertThat(mails).hasSize(2);
        String renewed = mails.get(1).token("consent");
        confirm(first).then().statusCode(404);
        confirm(renewed).then().statusCode(200).body("active", hasItem("judging"));
        // Saved again once confirmed: nothing more is asked.
        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Rohan", consent))))
                .patch("/api/entries/" + eid).then().statusCode(200);
        sender.run();
        assertThat(Mailbox.to(email)).hasSize(2);
    }

    /** A child removed from the entry takes its guardian's mails with its record: the outbox keeps no trace. */
    @Test
    void removingAChildTakesItsGuardiansMailsOutOfTheOutbox() {
        long cid = Fixtures.openCompetition(Fixtures.unique("Removal Competition"), 3);
        Fixtures.Account school = Fixtures.school(Fixtures.unique("Removal School"));
        String email = address("farida");
        String confirming = address("gauri");
        Map<String, Object> paper = guardian("Farida", null, "judging");
        paper.put("guardianEmail", email);
        Map<String, Object> other = guardian("Leela", "+91 98300 54321", "judging");
        long eid = create(school, cid, entry("Removal Poster", List.of(child("Zoya", paper),
                child("Mira", byEmail("Gauri", confirming, "judging")), child("Nila", other)), ATTESTED));
        assertThat(outboxTo(email)).hasSize(1);
        assertThat(outboxTo(confirming)).hasSize(1);

        school.api().contentType(ContentType.JSON).body(Map.of("participants", List.of(child("Nila", other))))
                .patch("/api/entries/" + eid).then().statusCode(200);
        assertThat(outboxTo(email)).isEmpty();
        assertThat(outboxTo(confirming)).isEmpty();
        sender.run();
        assertThat(Mailbox.to(email)).isEmpty();
        assertThat(Mailbox.to(confirming)).isEmpty();
    }

    static List<Object> outboxTo(String email) {
        return organiser().queryParam("to", email).get("/api/outbox").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }
}
