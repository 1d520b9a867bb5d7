package org.juryroom.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.embedded.EmbeddedServices;
import org.juryroom.judging.JudgingFixtures;
import org.juryroom.judging.JudgingProfile;
import org.juryroom.judging.Race;
import org.juryroom.support.Mailbox;
import org.juryroom.support.Mailbox.Delivered;
import org.juryroom.support.RealStack;
import org.juryroom.web.WebSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.judging.JudgingFixtures.ORGANISER;
import static org.juryroom.judging.JudgingFixtures.anonymous;

/**
 * Mail end to end on the real stack: the app queues in the outbox, the sender delivers to the
 * tests' real SMTP server (GreenMail), and the tests read what arrived. The sender runs only when a
 * test calls it here ({@code %test.juryroom.mail.send-every=off}).
 */
@QuarkusTest
@TestProfile(JudgingProfile.class)
class MailTest {

    @Inject
    MailSender sender;

    @Inject
    org.juryroom.access.PasswordResets resets;

    @Test
    void anInvitedJurorChoosesAPasswordFromTheDeliveredLinkAndSignsIn() {
        String email = address("juror");
        String name = JudgingFixtures.unique("Juror");
        JsonPath created = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", name, "email", email))
                .post("/api/jurors").then().statusCode(201).extract().jsonPath();
        assertThat(created.getBoolean("invited")).isTrue();
        assertThat(created.getMap("")).doesNotContainKey("password");
        String username = created.getString("username");

        sender.run();
        Delivered mail = single(email);
        assertThat(mail.from()).isEqualTo(EmbeddedServices.MAIL_FROM);
        assertThat(mail.subject()).isEqualTo("Your JuryRoom account");
        assertThat(mail.contentType()).startsWith("multipart/");
        assertThat(mail.text()).contains("Hello " + name + ",", "Your username: " + username, "as a juror",
                "http://juryroom.test/invite/").doesNotContain("school");
        String token = mail.token("invite");
        assertThat(mail.html()).contains("href=\"http://juryroom.test/invite/" + token + "\"")
                .doesNotContain("school");
        // The organiser reads the message in the outbox, without the secret.
        JsonPath outbox = ORGANISER.as().queryParam("to", email.toUpperCase()).get("/api/outbox").then()
                .statusCode(200).extract().jsonPath();
        assertThat(outbox.getList("items.status")).containsExactly("SENT");
        assertThat(outbox.getString("items[0].kind")).isEqualTo("INVITATION");
        assertThat(outbox.getString("items[0].text")).contains("/invite/…").doesNotContain(token);

        // Not signed in yet: the account has a password nobody knows.
        anonymous().auth().preemptive().basic(username, "a-guess-at-the-password").get("/api/competitions")
                .then().statusCode(401);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "short"))
                .post("/api/invitations/" + token).then().statusCode(422);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "my own juror password"))
                .post("/api/invitations/" + token).then().statusCode(204);
        anonymous().auth().preemptive().basic(username, "my own juror password").get("/api/competitions")
                .then().statusCode(200);
        // Single use; and an invitation token is no reset token.
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "another juror password"))
                .post("/api/invitations/" + token).then().statusCode(410);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "another juror password"))
                .post("/api/password-resets/" + token).then().statusCode(410);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "another juror password"))
                .post("/api/invitations/not-a-token").then().statusCode(410);
    }

    /** The same, in a browser: the pages the mailed links open, and "Forgot your password?" on the sign-in page. */
    @Test
    void thePagesTheLinksOpenSetThePassword() {
        String email = address("pages");
        // The organiser registers the juror on the page, where "invite" is ticked by default.
        WebSession organiser = WebSession.signIn(ORGANISER.username(), ORGANISER.password());
        assertThat(organiser.get("/organiser/jurors").asString()).contains("name=\"invite\" value=\"on\" checked");
        assertThat(organiser.post("/organiser/jurors", "/organiser/jurors", Map.of("name",
                JudgingFixtures.unique("Juror"), "email", email, "invite", "on")).statusCode()).isEqualTo(303);
        String list = organiser.get("/organiser/jurors").asString();
        assertThat(list).contains("id=\"issued-invited\"").doesNotContain("issued-password");
        java.util.regex.Matcher issued = java.util.regex.Pattern.compile("id=\"issued-username\">([^<]+)<").matcher(list);
        assertThat(issued.find()).isTrue();
        String username = issued.group(1);
        assertThat(organiser.get("/organiser/outbox?to=" + email).asString()).contains("QUEUED", "/invite/…");
        sender.run();
        String invite = single(email).token("invite");
        WebSession browser = WebSession.anonymous();
        Response saved = browser.post("/invite/" + invite, "/invite/" + invite,
                Map.of("password", "chosen on the page"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.asString()).contains("id=\"password-saved\"");
        WebSession.signIn(username, "chosen on the page");
        assertThat(browser.post("/invite/" + invite, "/invite/" + invite, Map.of("password", "chosen again here"))
                .statusCode()).isEqualTo(410);

        assertThat(browser.get("/login").asString()).contains("href=\"/reset\"");
        Response asked = browser.post("/reset", "/reset", Map.of("email", email));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.asString()).contains("id=\"reset-sent\"");
        String other = address("nobody");
        Response unknown = browser.post("/reset", "/reset", Map.of("email", other));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(unknown.asString())).isEqualTo(withoutCsrf(asked.asString()));
        resets.handle();
        sender.run();
        String reset = Mailbox.to(email).get(1).token("reset");
        Response tooShort = browser.post("/reset/" + reset, "/reset/" + reset, Map.of("password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.asString()).contains("password must have at least 10 characters");
        // The refusal is in the reader's language, as the page around it.
        assertThat(browser.post("/reset/" + reset + "?lang=hi", "/reset/" + reset + "?lang=hi",
                Map.of("password", "short")).asString()).contains("पासवर्ड में कम से कम 10 अक्षर होने चाहिए")
                .doesNotContain("password must have");
        assertThat(browser.post("/reset/" + reset, "/reset/" + reset, Map.of("password", "reset on the page"))
                .statusCode()).isEqualTo(200);
        WebSession.signIn(username, "reset on the page");
    }

    @Test
    void aResentInvitationReplacesTheEarlierLink() {
        String email = address("school");
        String school = JudgingFixtures.unique("Riverside School");
        long id = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", school, "district", "East",
                        "contactName", "Ms Das", "contactEmail", email))
                .post("/api/schools").then().statusCode(201).extract().jsonPath().getLong("id");
        sender.run();
        String first = single(email).token("invite");
        assertThat(single(email).text()).contains(school);
        ORGANISER.as().post("/api/schools/" + id + "/invitation").then().statusCode(201);
        sender.run();
        List<Delivered> both = Mailbox.to(email);
        assertThat(both).hasSize(2);
        String second = both.get(1).token("invite");
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "first link password"))
                .post("/api/invitations/" + first).then().statusCode(410);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "second link password"))
                .post("/api/invitations/" + second).then().statusCode(204);
    }

    @Test
    void aResetLinkWorksOnceEndsEverySessionAndExpires() throws Exception {
        String email = address("teacher");
        JsonPath created = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name",
                        JudgingFixtures.unique("Hill School"), "district", "North", "contactName", "Mr Roy",
                        "contactEmail", email, "invite", false))
                .post("/api/schools").then().statusCode(201).extract().jsonPath();
        assertThat(created.getBoolean("invited")).isFalse();
        String username = created.getString("username");
        String password = created.getString("password");
        WebSession browser = WebSession.signIn(username, password);
        assertThat(browser.get("/school").statusCode()).isEqualTo(200);

        Response known = requestReset(email.toUpperCase());
        Response unknown = requestReset(address("nobody"));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.asString()).isEqualTo(known.asString());
        // The same work on the request path for both: each address is stored, nothing is looked up or queued yet.
        assertThat(storedResetRequests(email)).isEqualTo(1);
        assertThat(storedResetRequests(address("nobody-never-asked"))).isZero();
        assertThat(outbox(email).getList("items")).isEmpty();
        assertThat(resets.handle()).isGreaterThanOrEqualTo(2);
        assertThat(storedResetRequests(email)).isZero();
        sender.run();
        Delivered mail = single(email);
        assertThat(mail.subject()).isEqualTo("Reset your JuryRoom password");
        assertThat(mail.text()).contains("Your username: " + username);
        String token = mail.token("reset");

        anonymous().contentType(ContentType.JSON).body(Map.of("password", "a brand new password"))
                .post("/api/password-resets/" + token).then().statusCode(204);
        anonymous().auth().preemptive().basic(username, password).get("/api/competitions").then().statusCode(401);
        anonymous().auth().preemptive().basic(username, "a brand new password").get("/api/competitions")
                .then().statusCode(200);
        assertThat(browser.get("/school").statusCode()).as("the old session has ended").isEqualTo(302);
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "yet another password"))
                .post("/api/password-resets/" + token).then().statusCode(410);

        // An organiser's reset link, left to expire.
        ORGANISER.as().post("/api/schools/" + created.getLong("id") + "/password-reset").then().statusCode(201);
        sender.run();
        String late = Mailbox.to(email).get(1).token("reset");
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement(
                     "update account_token set expires_at = now() - interval '1 second' where token_hash = ?")) {
            st.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(late.getBytes(StandardCharsets.US_ASCII))));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        anonymous().contentType(ContentType.JSON).body(Map.of("password", "too late a password"))
                .post("/api/password-resets/" + late).then().statusCode(410);
        anonymous().auth().preemptive().basic(username, "a brand new password").get("/api/competitions")
                .then().statusCode(200);
    }

    /**
     * A reset request whose mail cannot be queued (here the database refuses it) is dropped with a log line, and
     * the others in its batch are handled: it no longer rolls the batch back, to come back every few seconds
     * and hold up every reset behind it.
     */
    @Test
    void aResetRequestThatCannotBeHandledHoldsUpNoOther() throws Exception {
        String poison = address("poison");
        String fine = address("fine");
        for (String email : List.of(poison, fine)) {
            ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Reset School"),
                    "district", "North", "contactName", "Ms Sen", "contactEmail", email, "invite", false))
                    .post("/api/schools").then().statusCode(201);
            requestReset(email).then().statusCode(202);
        }
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             java.sql.Statement st = c.createStatement()) {
            st.execute("create or replace function reset_test_refuse() returns trigger language plpgsql as $$"
                    + " begin raise exception 'refused for the test: %', new.recipient; end $$");
            st.execute("create trigger reset_test_refuse before insert on outbox_message for each row when"
                    + " (new.recipient = '" + poison + "') execute function reset_test_refuse()");
            try {
                assertThat(resets.handle()).isGreaterThanOrEqualTo(2);
            } finally {
                st.execute("drop trigger if exists reset_test_refuse on outbox_message");
            }
        }
        assertThat(storedResetRequests(poison)).as("not back for the next run").isZero();
        assertThat(storedResetRequests(fine)).isZero();
        assertThat(outbox(poison).getList("items")).isEmpty();
        assertThat(outbox(fine).getList("items.kind")).containsExactly("PASSWORD_RESET");
        sender.run();
        assertThat(single(fine).subject()).isEqualTo("Reset your JuryRoom password");
    }

    @Test
    void noMailGoesToAnAddressNoAccountUses() {
        String nobody = address("nobody");
        requestReset(nobody).then().statusCode(202);
        assertThat(storedResetRequests(nobody)).isEqualTo(1);
        resets.handle();
        assertThat(storedResetRequests(nobody)).isZero();
        sender.run();
        assertThat(Mailbox.to(nobody)).isEmpty();
        ORGANISER.as().queryParam("to", nobody).get("/api/outbox").then().statusCode(200)
                .extract().jsonPath().getList("items").isEmpty();
        assertThat(ORGANISER.as().queryParam("to", nobody).get("/api/outbox").jsonPath().getList("items")).isEmpty();
    }

    /**
     * With the SMTP server down, registering succeeds and the invitation waits; failures are
     * retried, then visible as FAILED with the server's error; once SMTP is back, a retry delivers it.
     */
    @Test
    void withSmtpDownNothingIsBlockedAndTheMailGoesOutWhenItIsBack() {
        EmbeddedServices services = RealStack.services();
        int port = services.smtpPort();
        String email = address("offline");
        services.stopSmtp();
        long id;
        try {
            ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Juror"),
                    "email", email)).post("/api/jurors").then().statusCode(201);
            assertThat(sender.run().retrying()).isPositive();
            JsonPath queued = outbox(email);
            id = queued.getLong("items[0].id");
            assertThat(queued.getString("items[0].status")).isEqualTo("QUEUED");
            assertThat(queued.getInt("items[0].attempts")).isEqualTo(1);
            assertThat(queued.getString("items[0].lastError")).isNotBlank();
            // Not due again yet: a run now leaves it alone.
            sender.run();
            assertThat(outbox(email).getInt("items[0].attempts")).isEqualTo(1);
            // Made due at once, twice more: the third failure (max-attempts in tests) is final.
            for (int attempt = 2; attempt <= 3; attempt++) {
                ORGANISER.as().post("/api/outbox/" + id + "/retry").then().statusCode(200);
                sender.run();
            }
            JsonPath failed = ORGANISER.as().queryParam("status", "FAILED").queryParam("to", email)
                    .get("/api/outbox").then().statusCode(200).extract().jsonPath();
            assertThat(failed.getList("items.id", Long.class)).containsExactly(id);
            assertThat(failed.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(failed.getString("items[0].lastError")).isNotBlank();
            sender.run();
            assertThat(outbox(email).getInt("items[0].attempts")).isEqualTo(3);
        } finally {
            services.startSmtp(port);
        }
        ORGANISER.as().post("/api/outbox/" + id + "/retry").then().statusCode(200);
        assertThat(outbox(email).getString("items[0].status")).isEqualTo("QUEUED");
        sender.run();
        assertThat(single(email).subject()).isEqualTo("Your JuryRoom account");
        assertThat(outbox(email).getString("items[0].status")).isEqualTo("SENT");
        ORGANISER.as().post("/api/outbox/" + id + "/retry").then().statusCode(409);
        ORGANISER.as().post("/api/outbox/" + Long.MAX_VALUE + "/retry").then().statusCode(404);
        ORGANISER.as().queryParam("status", "LOST").get("/api/outbox").then().statusCode(400);
    }

    /** Senders racing (as several app instances would) hand every message to SMTP exactly once. */
    @Test
    void racingSendersDeliverEveryMessageExactlyOnce() {
        Random random = new Random(20261205L);
        for (int round = 0; round < Race.rounds(3); round++) {
            int messages = 5 + random.nextInt(10);
            int senders = 2 + random.nextInt(4);
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String email = address("race" + round);
                addresses.add(email);
                ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Juror"),
                        "email", email)).post("/api/jurors").then().statusCode(201);
            }
            List<Callable<MailSender.Report>> runs = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                runs.add(sender::run);
            }
            List<MailSender.Report> reports = new ArrayList<>(Race.all(runs));
            // A transient SMTP fault (a timeout on a loaded machine) leaves its message queued for a later
            // attempt; the organiser's retry makes it due now. Nothing may be lost or sent twice either way.
            for (String email : addresses) {
                JsonPath item = outbox(email);
                if ("QUEUED".equals(item.getString("items[0].status"))) {
                    assertThat(item.getString("items[0].lastError")).as("a queued message after a run failed once").isNotBlank();
                    ORGANISER.as().post("/api/outbox/" + item.getLong("items[0].id") + "/retry").then().statusCode(200);
                    reports.add(sender.run());
                }
            }
            for (String email : addresses) {
                assertThat(Mailbox.to(email)).as("round " + round + ": " + email + " " + outbox(email).getMap("items[0]")
                        + " " + reports).hasSize(1);
                assertThat(outbox(email).getString("items[0].status")).isEqualTo("SENT");
            }
            assertThat(reports.stream().mapToInt(MailSender.Report::sent).sum())
                    .as("round " + round).isGreaterThanOrEqualTo(messages);
        }
    }

    /** A reminder reaches exactly the jurors with unfinished assigned scorecards, and names no school or entry. */
    @Test
    void aReminderReachesExactlyTheJurorsWhoHaveNotFinished() {
        long cid = JudgingFixtures.openCompetition(1);
        String district = JudgingFixtures.unique("Reminder district");
        JudgingFixtures.SchoolAccount school = JudgingFixtures.school(district);
        JudgingFixtures.SchoolAccount other = JudgingFixtures.school(district);
        long first = JudgingFixtures.submittedEntry(cid, school, "Reminder poster", "s", List.of("Mira"));
        long second = JudgingFixtures.submittedEntry(cid, other, "Second poster", "s", List.of("Tara"));
        Map<String, JudgingFixtures.JurorAccount> jurors = new java.util.LinkedHashMap<>();
        Map<String, String> emails = new java.util.HashMap<>();
        for (String who : List.of("done", "half", "none", "idle")) {
            String email = address(who);
            JsonPath j = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Juror"),
                    "email", email, "invite", false)).post("/api/jurors").then().statusCode(201).extract().jsonPath();
            jurors.put(who, new JudgingFixtures.JurorAccount(j.getLong("id"), j.getString("name"),
                    new JudgingFixtures.Login(j.getString("username"), j.getString("password"))));
            emails.put(who, email);
        }
        Map<Long, List<String>> jury = new java.util.LinkedHashMap<>();
        for (String who : List.of("done", "half", "none")) {
            jury.put(jurors.get(who).id(), List.of());
        }
        JudgingFixtures.panels(cid, jury);
        JudgingFixtures.transition(cid, "JUDGING");
        JudgingFixtures.assign(cid, 3, 1).then().statusCode(201);
        // One assignment notice per juror for the run, not one per entry; none to the juror without work.
        sender.run();
        for (String who : List.of("done", "half", "none")) {
            Delivered notice = single(emails.get(who));
            assertThat(notice.subject()).endsWith(": entries to judge");
            assertThat(notice.text()).contains("You have been given 2 new entries", "2 entries are assigned to you in all",
                    "http://juryroom.test/jury/competitions/" + cid);
            assertThat(notice.text() + notice.html() + notice.subject()).doesNotContain(school.name(), other.name(),
                    district, "Reminder poster", "Second poster", "Mira", "Tara");
        }
        assertThat(Mailbox.to(emails.get("idle"))).isEmpty();
        JudgingFixtures.submitScore(jurors.get("done"), first, 5, 5);
        JudgingFixtures.submitScore(jurors.get("done"), second, 6, 4);
        JudgingFixtures.submitScore(jurors.get("half"), first, 7, 3);
        JudgingFixtures.score(jurors.get("half"), second, 7, 2, "DRAFT").then().statusCode(200);

        List<Long> reminded = ORGANISER.as().post("/api/competitions/" + cid + "/reminders").then().statusCode(201)
                .extract().jsonPath().getList("reminded", Long.class);
        assertThat(reminded).containsExactly(jurors.get("half").id(), jurors.get("none").id());
        sender.run();
        assertThat(last(emails.get("half")).text()).contains("1 entry assigned to you in ").contains("still waits for your scorecard");
        Delivered none = last(emails.get("none"));
        assertThat(none.text()).contains("2 of the entries assigned to you", "http://juryroom.test/jury/competitions/" + cid);
        for (Delivered mail : List.of(none, last(emails.get("half")))) {
            assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain(school.name(), other.name(), district,
                    "Reminder poster", "Second poster", "Mira", "Tara");
        }
        assertThat(Mailbox.to(emails.get("done"))).as("the notice only").hasSize(1);
        assertThat(Mailbox.to(emails.get("idle"))).isEmpty();
        anonymous().post("/api/competitions/" + cid + "/reminders").then().statusCode(401);
        jurors.get("none").login().as().post("/api/competitions/" + cid + "/reminders").then().statusCode(403);
    }

    /**
     * A subject is one header line holding every character of what it names: a competition title typed with a line
     * break no longer starts a header of its own (it added "Reply-To"), and one with an emoji, in Hindi, arrives
     * whole (the emoji came as "??").
     */
    @Test
    void aSubjectIsOneHeaderLineWithEveryCharacterOfTheTitle() {
        String plain = JudgingFixtures.unique("Stay safe");
        String hindi = "\u0938\u0941\u0930\u0915\u094d\u0937\u093f\u0924";
        String rainbow = "\uD83C\uDF08 " + JudgingFixtures.unique("online");
        String email = address("subject");
        long juror = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Juror"),
                "email", email, "invite", false)).post("/api/jurors").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        for (String title : List.of(plain + "\nReply-To: someone@elsewhere.example", hindi + "\r\n" + rainbow)) {
            long cid = JudgingFixtures.openCompetition(1, Map.of("title", title));
            JudgingFixtures.submittedEntry(cid, JudgingFixtures.school("Subject district"), "Subject poster", "s",
                    List.of("Mira"));
            JudgingFixtures.panels(cid, Map.of(juror, List.of()));
            JudgingFixtures.transition(cid, "JUDGING");
            JudgingFixtures.assign(cid, 1, 1).then().statusCode(201);
        }
        sender.run();
        List<Delivered> notices = Mailbox.to(email);
        assertThat(notices).extracting(Delivered::subject).containsExactlyInAnyOrder(
                plain + " Reply-To: someone@elsewhere.example: entries to judge", hindi + " " + rainbow + ": entries to judge");
        for (Delivered notice : notices) {
            assertThat(notice.headers()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("reply-to"));
        }
        assertThat(outbox(email).getList("items.subject", String.class)).noneMatch(s -> s.contains("\n"));
    }

    /**
     * A safeguarding lead whose address has a domain in Devanagari gets the alert: SMTP is given the domain in
     * ASCII (IDNA), as every server takes it, not as raw UTF-8.
     */
    @Test
    void aLeadWhoseDomainIsInDevanagariIsGivenToSmtpInAscii() {
        String local = "dsl" + UUID.randomUUID().toString().substring(0, 8);
        String domain = "\u0938\u0941\u0930\u0915\u094d\u0937\u093e.\u092d\u093e\u0930\u0924";
        ORGANISER.as().contentType(ContentType.JSON).body(Map.of("name", JudgingFixtures.unique("Lead"),
                "email", local + "@" + domain, "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201);
        long cid = JudgingFixtures.openCompetition(1);
        long eid = JudgingFixtures.submittedEntry(cid, JudgingFixtures.school("IDN district"), "IDN poster", "s",
                List.of("Mira"));
        String reference = ORGANISER.as().contentType(ContentType.JSON).body(Map.of("kind", "OTHER",
                        "urgency", "NORMAL", "note", "A child's full name is on the poster."))
                .post("/api/entries/" + eid + "/concerns").then().statusCode(201).extract().jsonPath()
                .getString("reference");
        sender.run();
        String ascii = local + "@" + java.net.IDN.toASCII(domain);
        assertThat(ascii).startsWith(local + "@xn--").endsWith(".xn--h2brj9c");
        Delivered alert = single(ascii);
        assertThat(alert.subject()).contains(reference);
        assertThat(alert.headers()).anyMatch(h -> h.equals("To: " + ascii));
        assertThat(outbox(local + "@" + domain).getString("items[0].status")).isEqualTo("SENT");
    }

    /** Reset requests for this address waiting to be handled. */
    static int storedResetRequests(String email) {
        try (Connection c = DriverManager.getConnection(RealStack.services().jdbcUrl(), "postgres", "postgres");
             PreparedStatement st = c.prepareStatement("select count(*) from reset_request where email = ?")) {
            st.setString(1, email.toLowerCase(java.util.Locale.ROOT));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("(name=\"csrf-token\" content=|name=\"_csrf\" value=)\"[^\"]*\"", "$1");
    }

    private JsonPath outbox(String email) {
        return ORGANISER.as().queryParam("to", email).get("/api/outbox").then().statusCode(200).extract().jsonPath();
    }

    private static Response requestReset(String email) {
        return anonymous().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/password-resets");
    }

    /** The second of two mails: the one after the assignment notice. */
    private static Delivered last(String email) {
        List<Delivered> mails = Mailbox.to(email);
        assertThat(mails).as("mails to " + email).hasSize(2);
        return mails.get(1);
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
