package org.juryroom.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.embedded.EmbeddedServices;
import org.juryroom.support.Mailbox;
import org.juryroom.support.RealStack;
import org.juryroom.web.Fixtures;
import org.juryroom.web.WebSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safeguarding alerts in the sender: one queued behind a pile of bulk mail is sent first, and one the SMTP
 * server refuses is never given up.
 */
@QuarkusTest
class MailPriorityTest {

    @Inject
    MailSender sender;

    @Inject
    Outbox outbox;

    @Test
    void aSafeguardingAlertIsSentBeforeTheBulkMailQueuedAheadOfIt() {
        String bulk = "bulk-" + UUID.randomUUID() + "@schools.example";
        String lead = "lead-" + UUID.randomUUID() + "@safeguarding.example";
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 150; i++) {
                outbox.queue(MailKind.REMINDER, bulk, new Letter("Reminder " + i, "Please submit.", "<p>Please submit.</p>"));
            }
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(MailKind.SAFEGUARDING_ALERT, lead,
                new Letter("New concern", "A concern was raised.", "<p>A concern was raised.</p>")));

        MailSender.Report first = sender.run(5);
        assertThat(first.sent()).isEqualTo(5);
        assertThat(Mailbox.to(lead)).hasSize(1);
        assertThat(Mailbox.to(bulk)).hasSizeLessThan(5);
        sender.run();
        assertThat(Mailbox.to(bulk)).hasSize(150);
    }

    /**
     * With the SMTP server refusing, an alert stays queued past the last attempt (3 in tests) and waits the
     * longest retry interval each time, while ordinary mail fails for good; the organisers' console, the outbox
     * and the leads' desk say an alert has not gone (in the reader's language). Once SMTP takes it, it is sent.
     */
    @Test
    void aSafeguardingAlertIsTriedAgainUntilSentAndItsBeingUnsentIsShown() {
        String lead = "lead-" + UUID.randomUUID() + "@safeguarding.example";
        String gone = "gone-" + UUID.randomUUID() + "@safeguarding.example"; // no lead has this address (any more)
        String bulk = "bulk-" + UUID.randomUUID() + "@schools.example";
        JsonPath leadAccount = Fixtures.organiser().contentType(ContentType.JSON).body(Map.of("name",
                Fixtures.unique("Lead"), "email", lead, "phone", "+91 98300 12345", "invite", false))
                .post("/api/safeguarding-leads").then().statusCode(201).extract().jsonPath();
        long alert = QuarkusTransaction.requiringNew().call(() -> outbox.queue(MailKind.SAFEGUARDING_ALERT, lead,
                new Letter("New concern", "A concern was raised.", "<p>A concern was raised.</p>")).id);
        long stale = QuarkusTransaction.requiringNew().call(() -> outbox.queue(MailKind.SAFEGUARDING_ALERT, gone,
                new Letter("New concern", "A concern was raised.", "<p>A concern was raised.</p>")).id);
        long reminder = QuarkusTransaction.requiringNew().call(() -> outbox.queue(MailKind.REMINDER, bulk,
                new Letter("Reminder", "Please submit.", "<p>Please submit.</p>")).id);
        WebSession organiser = WebSession.signIn("organiser", RealStack.ORGANISER_PASSWORD);
        WebSession desk = WebSession.signIn(leadAccount.getString("username"), leadAccount.getString("password"));
        // What other tests left in the outbox goes now, while the server takes it: the warnings below are about
        // this test's alerts only (in the whole suite, other tests' queued alerts would count too).
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage.update("nextAttemptAt = ?1 where status = ?2", Instant.now(), OutboxMessage.Status.QUEUED);
            OutboxMessage.update("nextAttemptAt = ?1 where id in ?2", Instant.now().plus(Duration.ofDays(1)),
                    List.of(alert, stale, reminder));
        });
        for (int run = 0; run < 200; run++) {
            MailSender.Report r = sender.run();
            if (r.sent() + r.retrying() + r.failed() == 0) {
                break;
            }
        }
        EmbeddedServices services = RealStack.services();
        int port = services.smtpPort();
        services.stopSmtp();
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                dueNow(alert, stale, reminder);
                assertThat(sender.run().alertsRetrying()).as("attempt " + attempt).isPositive();
            }
            JsonPath unsent = message(lead);
            assertThat(unsent.getString("status")).isEqualTo("QUEUED");
            assertThat(unsent.getInt("attempts")).isEqualTo(5);
            assertThat(unsent.getString("lastError")).isNotBlank();
            Duration wait = Duration.between(Instant.now(), Instant.parse(unsent.getString("nextAttemptAt")));
            assertThat(wait).as("the longest retry interval (PT2H)").isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
            JsonPath failed = message(bulk);
            assertThat(failed.getString("status")).isEqualTo("FAILED");
            assertThat(failed.getInt("attempts")).isEqualTo(3);
            // An alert to an address no active lead has is not tried for ever: the desk has the concern anyway.
            assertThat(message(gone).getString("status")).isEqualTo("FAILED");
            assertThat(message(gone).getInt("attempts")).isEqualTo(3);

            for (String page : List.of("/organiser", "/organiser/outbox")) {
                assertThat(organiser.get(page).asString()).as(page).contains("id=\"alerts-undelivered\"")
                        .contains("Safeguarding alerts are not getting through.")
                        .contains("href=\"/organiser/outbox?status=QUEUED\"");
            }
            assertThat(organiser.get("/organiser?lang=hi").asString()).contains("बाल सुरक्षा अलर्ट नहीं पहुँच रहे हैं।");
            assertThat(desk.get("/safeguarding?lang=bn").asString()).contains("id=\"alerts-undelivered\"")
                    .contains("শিশু সুরক্ষা সতর্কবার্তা পৌঁছাচ্ছে না।").doesNotContain("/organiser/outbox");
        } finally {
            services.startSmtp(port);
        }
        // The restarted server may refuse a moment longer (a loaded machine): the alert is simply tried again.
        // Any other alert that a request still running from an earlier test queued during the outage is due
        // now too: the warning below is gone only once every alert has gone.
        for (int attempt = 0; attempt < 40 && !(sent(lead) && OutboxMessage.undeliveredAlerts() == 0); attempt++) {
            QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                    "nextAttemptAt = ?1 where status = ?2 and kind = ?3", Instant.now(), OutboxMessage.Status.QUEUED,
                    MailKind.SAFEGUARDING_ALERT.name()));
            sender.run();
            if (!sent(lead)) {
                sleep(250);
            }
        }
        assertThat(Mailbox.to(lead)).hasSize(1);
        assertThat(message(lead).getString("status")).isEqualTo("SENT");
        assertThat(Mailbox.to(bulk)).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "status = ?1 and kind = ?2 and attempts > 0", OutboxMessage.Status.QUEUED,
                MailKind.SAFEGUARDING_ALERT.name()).stream().map(m -> m.recipient + ": " + m.lastError).toList()))
                .as("alerts still undelivered with SMTP back").isEmpty();
        assertThat(organiser.get("/organiser?lang=en").asString()).doesNotContain("id=\"alerts-undelivered\"");
    }

    private static boolean sent(String to) {
        return "SENT".equals(message(to).getString("status"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes the queued ones among these messages due now, as time passing would. */
    private static void dueNow(Long... ids) {
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.update(
                "nextAttemptAt = ?1 where id in ?2 and status = ?3", Instant.now(), List.of(ids),
                OutboxMessage.Status.QUEUED));
    }

    private static JsonPath message(String to) {
        return Fixtures.organiser().queryParam("to", to).get("/api/outbox").then().statusCode(200).extract()
                .jsonPath().setRootPath("items[0]");
    }
}
