package org.juryroom.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.juryroom.support.Mailbox;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A safeguarding alert queued behind a pile of bulk mail is sent first. */
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
}
