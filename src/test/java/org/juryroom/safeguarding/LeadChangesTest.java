package org.juryroom.safeguarding;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.MailSender;
import org.juryroom.mail.OutboxMessage;
import org.juryroom.support.Api;
import org.juryroom.support.Mailbox;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An organiser corrects, deactivates and reactivates a safeguarding lead (docs/safeguarding.md "Leads"): a
 * deactivated lead signs in no more and gets no alert, the last active lead stays, and a corrected address
 * receives the alert that was waiting for the mistyped one.
 */
@QuarkusTest
class LeadChangesTest {

    @Inject
    MailSender sender;

    @Inject
    javax.sql.DataSource dataSource;

    record Lead(long id, String username, String password, String email) {
        RequestSpecification api() {
            return given().auth().preemptive().basic(username, password);
        }
    }

    static Lead lead(String email) {
        JsonPath json = Fixtures.organiser().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Lead"), "email", email, "phone", "+91 98300 12345",
                        "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        return new Lead(json.getLong("id"), json.getString("username"), json.getString("password"), email);
    }

    static String address(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@commission.example";
    }

    static String raise(Fixtures.Account juror, long eid) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "DISCLOSURE");
        body.put("urgency", "IMMEDIATE_DANGER");
        body.put("note", "The statement says this happened to the author's friend.");
        return juror.api().contentType(ContentType.JSON).body(body).post("/api/entries/" + eid + "/concerns")
                .then().statusCode(201).extract().jsonPath().getString("reference");
    }

    static List<OutboxMessage> alertsTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "kind = ?1 and lower(recipient) = ?2 order by id", MailKind.SAFEGUARDING_ALERT.name(),
                email.toLowerCase()));
    }

    /** The organisers' audit trail (no competition: read from the table) about this lead, oldest first. */
    static List<String> auditOf(long leadId) {
        return QuarkusTransaction.requiringNew().call(() -> org.juryroom.audit.AuditEvent.<org.juryroom.audit.AuditEvent>list(
                "subjectType = 'safeguardingLead' and subjectId = ?1 and action <> 'SAFEGUARDING_LEAD_APPOINTED'"
                        + " order by id", leadId).stream().map(e -> e.action).toList());
    }

    @Test
    void aDeactivatedLeadCannotSignInAndGetsNoAlertWhileTheOtherLeadDoes() {
        SafeguardingTest.Published p = SafeguardingTest.published();
        Lead leaving = lead(address("leaving"));
        Lead staying = lead(address("staying"));
        WebSession desk = WebSession.signIn(leaving.username(), leaving.password());
        assertThat(desk.get("/safeguarding").statusCode()).isEqualTo(200);
        leaving.api().get("/api/safeguarding/concerns").then().statusCode(200); // Basic, remembered by SignInMemory
        String token = leaving.api().contentType(ContentType.JSON).body(Map.of("name", "desk script"))
                .post("/api/me/tokens").then().statusCode(201).extract().jsonPath().getString("token");
        given().header("Authorization", "Bearer " + token).get("/api/safeguarding/concerns").then().statusCode(200);
        // An alert still waiting for the leaving lead when they go.
        String before = raise(p.juror1(), p.entryA());
        assertThat(alertsTo(leaving.email())).hasSize(1);

        Fixtures.organiser().post("/api/safeguarding-leads/" + leaving.id() + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false)).body("username", equalTo(leaving.username()));
        // Again: nothing changes.
        Fixtures.organiser().post("/api/safeguarding-leads/" + leaving.id() + "/deactivate").then().statusCode(200);

        leaving.api().get("/api/safeguarding/concerns").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/safeguarding/concerns").then().statusCode(401);
        assertThat(desk.get("/safeguarding").statusCode()).as("the open session ended").isNotEqualTo(200);
        assertThat(WebSession.anonymous().postSignIn(leaving.username(), leaving.password()).header("Location"))
                .contains("failed");
        OutboxMessage settled = alertsTo(leaving.email()).get(0);
        assertThat(settled.status).as("the waiting alert is settled").isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(settled.lastError).contains("deactivated");
        Fixtures.organiser().get("/api/safeguarding-leads/" + leaving.id()).then().statusCode(200)
                .body("active", equalTo(false));

        String after = raise(p.juror2(), p.entryB());
        sender.run();
        assertThat(Mailbox.to(staying.email())).extracting(Mailbox.Delivered::subject)
                .anyMatch(s -> s.contains(after)).anyMatch(s -> s.contains(before));
        assertThat(Mailbox.to(leaving.email())).as("no alert reaches a deactivated lead").isEmpty();
        assertThat(alertsTo(leaving.email())).hasSize(1);

        Fixtures.organiser().post("/api/safeguarding-leads/" + leaving.id() + "/reactivate").then().statusCode(200)
                .body("active", equalTo(true));
        leaving.api().get("/api/safeguarding/concerns").then().statusCode(200);
        assertThat(auditOf(leaving.id())).containsSubsequence("ACCOUNT_DEACTIVATED", "ACCOUNT_REACTIVATED");
    }

    @Test
    void theLastActiveLeadIsNotDeactivated() throws Exception {
        Lead last = lead(address("last"));
        List<Long> others = new ArrayList<>();
        // Every other lead's account off for a moment (other tests' leads), so that this one is the last.
        try (var c = dataSource.getConnection()) {
            try (var st = c.prepareStatement("update app_user set deactivated_at = now() where safeguarding_lead_id"
                    + " is not null and safeguarding_lead_id <> ? and deactivated_at is null returning id")) {
                st.setLong(1, last.id());
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        others.add(rs.getLong(1));
                    }
                }
            }
            try {
                Api.problem(Fixtures.organiser().post("/api/safeguarding-leads/" + last.id() + "/deactivate"), 409)
                        .body("detail", containsString("must always reach someone"));
                last.api().get("/api/safeguarding/concerns").then().statusCode(200);
                Fixtures.organiser().get("/api/safeguarding-leads/" + last.id()).then().body("active", equalTo(true));
            } finally {
                try (var st = c.prepareStatement("update app_user set deactivated_at = null where id = any(?)")) {
                    st.setArray(1, c.createArrayOf("bigint", others.toArray()));
                    st.executeUpdate();
                }
            }
        }
    }

    @Test
    void aCorrectedAddressReceivesTheWaitingAlertAtOnceAndTheWarningClears() throws Exception {
        SafeguardingTest.Published p = SafeguardingTest.published();
        String typo = address("typo");
        String right = address("right");
        Lead lead = lead(typo);
        String reference = raise(p.juror1(), p.entryA());
        long alert = alertsTo(typo).get(0).id;
        // What the SMTP server's refusals left: tried 5 times, next in 2 hours, the warning up.
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update("attempts = 5, lastError = 'Recipient"
                + " address rejected', nextAttemptAt = ?1 where id = ?2", Instant.now().plus(Duration.ofHours(2)), alert));
        WebSession organiser = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        assertThat(organiser.get("/organiser").asString()).contains("id=\"alerts-undelivered\"");

        Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "Corrected Lead", "email", right,
                "phone", "+91 98300 54321")).put("/api/safeguarding-leads/" + lead.id()).then().statusCode(200)
                .body("email", equalTo(right)).body("name", equalTo("Corrected Lead")).body("active", equalTo(true));
        OutboxMessage moved = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.findById(alert));
        assertThat(moved.recipient).isEqualTo(right);
        assertThat(moved.status).isEqualTo(OutboxMessage.Status.QUEUED);
        assertThat(moved.nextAttemptAt).as("due at once, not in 2 hours").isBefore(Instant.now().plusSeconds(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "kind = ?1 and status = ?2 and attempts > 0 and lower(recipient) in ?3",
                MailKind.SAFEGUARDING_ALERT.name(), OutboxMessage.Status.QUEUED, List.of(typo, right))))
                .as("nothing of this lead's counts as not getting through").isZero();

        sender.run();
        assertThat(Mailbox.to(right)).extracting(Mailbox.Delivered::subject).anyMatch(s -> s.contains(reference));
        assertThat(Mailbox.to(typo)).isEmpty();
        if (QuarkusTransaction.requiringNew().call(OutboxMessage::undeliveredAlerts) == 0) {
            assertThat(organiser.get("/organiser").asString()).doesNotContain("id=\"alerts-undelivered\"");
        }
        // Sign-in still works; the lead's own trail and the organisers' audit have the change.
        lead.api().get("/api/safeguarding/concerns").then().statusCode(200);
        assertThat(auditOf(lead.id())).containsExactly("SAFEGUARDING_LEAD_UPDATED");
    }

    @Test
    void hostileInputIsRefusedWithAProblemAndChangesNothing() {
        String email = address("kept");
        Lead lead = lead(email);
        String path = "/api/safeguarding-leads/" + lead.id();
        JsonPath before = Fixtures.organiser().get(path).then().statusCode(200).extract().jsonPath();
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "N", "email", "not an address",
                "phone", "+91 98300 54321")).put(path), 422);
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "  ", "email",
                address("new"), "phone", "+91 98300 54321")).put(path), 422);
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "N", "email",
                address("new"), "phone", "call me")).put(path), 422);
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body("{\"name\": ").put(path), 400);
        Api.problem(Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name", "N", "email",
                address("new"), "phone", "+91 98300 54321")).put("/api/safeguarding-leads/0"), 404);
        for (String action : List.of("deactivate", "reactivate")) {
            Api.problem(Fixtures.organiser().post("/api/safeguarding-leads/0/" + action), 404);
        }
        Api.problem(Fixtures.organiser().get("/api/safeguarding-leads/0"), 404);
        Fixtures.Account juror = Fixtures.juror(Fixtures.unique("Juror"));
        Fixtures.Account school = Fixtures.school(Fixtures.unique("School"));
        for (RequestSpecification other : List.of(juror.api(), school.api(), lead.api())) {
            other.contentType(ContentType.JSON).body(Map.of("name", "N", "email", address("new"),
                    "phone", "+91 98300 54321")).put(path).then().statusCode(403);
            other.post(path + "/deactivate").then().statusCode(403);
        }
        given().post(path + "/deactivate").then().statusCode(401);
        Fixtures.organiser().get(path).then().statusCode(200).body("name", equalTo(before.getString("name")))
                .body("email", equalTo(email)).body("phone", equalTo(before.getString("phone")))
                .body("active", equalTo(true));
        lead.api().get("/api/safeguarding/concerns").then().statusCode(200);
    }

    /** The organiser's leads page: edit (a refusal keeps what was typed), deactivate and reactivate, the state shown. */
    @Test
    void theLeadsPageEditsDeactivatesAndReactivatesALead() {
        Lead lead = lead(address("page"));
        lead(address("other")); // never the last active lead
        String stored = Fixtures.organiser().get("/api/safeguarding-leads/" + lead.id()).then().extract().path("name");
        WebSession web = WebSession.signIn("organiser", org.juryroom.support.RealStack.ORGANISER_PASSWORD);
        String list = "/organiser/safeguarding-leads";
        String edit = list + "/" + lead.id() + "/edit";
        assertThat(web.get(list).asString()).contains("href=\"" + edit + "\"")
                .contains("action=\"" + list + "/" + lead.id() + "/deactivate\"");
        assertThat(web.get(edit).asString()).contains("<h1>" + stored + "</h1>").contains("value=\"" + lead.email() + "\"");

        io.restassured.response.Response refused = web.post(edit, edit, Map.of("name", "", "email", "typed@ngo.example",
                "phone", "+91 98300 77777"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("<h1>" + stored + "</h1>").contains("value=\"typed@ngo.example\"")
                .contains("value=\"+91 98300 77777\"");
        Fixtures.organiser().get("/api/safeguarding-leads/" + lead.id()).then().body("email", equalTo(lead.email()));

        String right = address("fixed");
        assertThat(web.post(edit, edit, Map.of("name", stored, "email", right, "phone", "+91 98300 77777"))
                .statusCode()).isEqualTo(303);
        Fixtures.organiser().get("/api/safeguarding-leads/" + lead.id()).then().body("email", equalTo(right))
                .body("phone", equalTo("+91 98300 77777"));

        assertThat(web.post(list, list + "/" + lead.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(303);
        lead.api().get("/api/safeguarding/concerns").then().statusCode(401);
        assertThat(web.get(list + "?lang=hi").asString()).contains("action=\"" + list + "/" + lead.id() + "/reactivate\"");
        assertThat(web.post(list, list + "/" + lead.id() + "/reactivate", Map.of()).statusCode()).isEqualTo(303);
        lead.api().get("/api/safeguarding/concerns").then().statusCode(200);
        assertThat(web.get(list).asString()).contains("action=\"" + list + "/" + lead.id() + "/deactivate\"");
    }
}
