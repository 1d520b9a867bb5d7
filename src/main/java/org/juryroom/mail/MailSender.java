package org.juryroom.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.juryroom.ops.JuryRoomConfig;

import java.time.Instant;
import java.util.List;

/**
 * Delivers the outbox. Each message is claimed in a transaction of its own with
 * {@code FOR UPDATE SKIP LOCKED} and stays locked while SMTP takes it, so however many senders run
 * (on this instance or others) each message is handed to SMTP by one of them; its new state
 * (SENT, or the error and the next attempt, or FAILED) commits with the claim. A crash between the
 * SMTP hand-over and the commit would send that one message again: mail is at least once. A safeguarding
 * alert is never FAILED: past the last attempt it waits the longest retry interval and is tried again.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Mailer mailer;
    private final EntityManager em;
    private final Backoff backoff;
    private final int batch;

    public MailSender(Mailer mailer, EntityManager em, JuryRoomConfig config) {
        this.mailer = mailer;
        this.em = em;
        this.backoff = new Backoff(config.mail().retryAfter(), config.mail().retryAtMost(), config.mail().maxAttempts());
        this.batch = config.mail().batch();
    }

    /** {@code alertsRetrying}: of {@code retrying}, the safeguarding alerts (never given up). */
    public record Report(int sent, int retrying, int failed, int alertsRetrying) {
    }

    @Scheduled(identity = "mail-sender", every = "${juryroom.mail.send-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run();
        if (report.alertsRetrying() > 0) {
            LOG.errorf("Mail: %d safeguarding alerts not delivered, tried again until the SMTP server takes them"
                    + " (the Outbox page has its answer)", report.alertsRetrying());
        }
        if (report.retrying() + report.failed() > 0) {
            LOG.warnf("Mail: %d sent, %d to be retried, %d failed for good", report.sent(), report.retrying(),
                    report.failed());
        }
    }

    /** Sends the due messages, at most one batch; returns what became of them. */
    public Report run() {
        return run(batch);
    }

    /** Sends at most {@code limit} due messages, safeguarding alerts first. */
    public Report run(int limit) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int alerts = 0;
        for (int i = 0; i < limit; i++) {
            Outcome outcome = QuarkusTransaction.requiringNew().call(this::sendNext);
            if (outcome == null) {
                break;
            }
            switch (outcome.status()) {
                case SENT -> sent++;
                case QUEUED -> retrying++;
                case FAILED -> failed++;
            }
            if (outcome.status() == OutboxMessage.Status.QUEUED && MailKind.retriedUntilSent(outcome.kind())) {
                alerts++;
            }
        }
        return new Report(sent, retrying, failed, alerts);
    }

    /**
     * Claims and sends the next due message: a safeguarding alert before anything else (it must not wait
     * behind a batch of reminders), then the oldest due; null when none is due (or all are being sent).
     */
    private record Outcome(OutboxMessage.Status status, String kind) {
    }

    private Outcome sendNext() {
        List<OutboxMessage> due = nextDue(" and kind = '" + MailKind.SAFEGUARDING_ALERT.name() + "'");
        if (due.isEmpty()) {
            due = nextDue("");
        }
        if (due.isEmpty()) {
            return null;
        }
        OutboxMessage m = due.get(0);
        m.attempts++;
        try {
            mailer.send(Mail.withText(MailHeaders.address(m.recipient), MailHeaders.subject(m.subject), m.textBody)
                    .setHtml(m.htmlBody));
            m.status = OutboxMessage.Status.SENT;
            m.sentAt = Instant.now();
            m.lastError = null;
            // The link did its work; the table keeps no usable secret.
            m.textBody = Secrets.mask(m.textBody);
            m.htmlBody = Secrets.mask(m.htmlBody);
        } catch (RuntimeException e) {
            m.lastError = describe(e);
            if (!backoff.exhausted(m.attempts)) {
                m.nextAttemptAt = Instant.now().plus(backoff.delayAfter(m.attempts));
            } else if (MailKind.retriedUntilSent(m.kind)
                    && org.juryroom.safeguarding.SafeguardingLead.receivesAt(m.recipient)) {
                // Past the last attempt a safeguarding alert is not given up: again after the longest wait.
                m.nextAttemptAt = Instant.now().plus(backoff.atMost());
            } else {
                m.status = OutboxMessage.Status.FAILED;
            }
            LOG.debugf("Mail %s failed (attempt %s): %s", m.id, (Object) m.attempts, m.lastError);
        }
        return new Outcome(m.status, m.kind);
    }

    /** The oldest due message matching {@code condition} (each query has its partial index: V14, V41). */
    @SuppressWarnings("unchecked")
    private List<OutboxMessage> nextDue(String condition) {
        return em.createNativeQuery("select * from outbox_message where status = 'QUEUED'" + condition
                + " and next_attempt_at <= now() order by next_attempt_at, id limit 1 for update skip locked",
                OutboxMessage.class).getResultList();
    }

    /** The SMTP server's answer or the connection error, as organisers see it in the outbox. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < MAX_ERROR_LENGTH; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String result = text.toString().strip();
        return result.length() > MAX_ERROR_LENGTH ? result.substring(0, MAX_ERROR_LENGTH) : result;
    }
}
