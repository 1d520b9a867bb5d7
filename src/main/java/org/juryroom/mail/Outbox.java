package org.juryroom.mail;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;

import java.time.Instant;
import java.util.Locale;

/**
 * The transactional outbox. {@link #queue} joins the caller's transaction (it refuses to run
 * without one): the message is stored if and only if the change that caused it commits, and
 * nothing waits for SMTP. {@link MailSender} delivers it.
 */
@ApplicationScoped
public class Outbox {

    private final org.juryroom.audit.AuditLog audit;

    public Outbox(org.juryroom.audit.AuditLog audit) {
        this.audit = audit;
    }

    /** An outbox row as organisers see it: secret links masked. */
    public record View(Long id, String to, String subject, String kind, OutboxMessage.Status status, int attempts,
                       String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt, String text,
                       String html) {
        public static View of(OutboxMessage m) {
            return new View(m.id, m.recipient, m.subject, m.kind, m.status, m.attempts, m.lastError, m.createdAt,
                    m.sentAt, m.status == OutboxMessage.Status.QUEUED ? m.nextAttemptAt : null,
                    Secrets.mask(m.textBody), Secrets.mask(m.htmlBody));
        }

        /** The answer to an action that queued this message: 201, pointing at the recipient's messages. */
        public static org.jboss.resteasy.reactive.RestResponse<View> created(View message) {
            return org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.<View>created(java.net.URI.create(
                    "/api/outbox?to=" + java.net.URLEncoder.encode(message.to(), java.nio.charset.StandardCharsets.UTF_8)))
                    .entity(message).build();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage queue(MailKind kind, String to, Letter letter) {
        OutboxMessage m = new OutboxMessage();
        m.kind = kind.name();
        m.recipient = to.strip();
        m.subject = MailHeaders.oneLine(letter.subject()); // as it is sent: a header is one line
        m.textBody = letter.text();
        m.htmlBody = letter.html();
        m.status = OutboxMessage.Status.QUEUED;
        m.attempts = 0;
        m.createdAt = Instant.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m;
    }

    /** Newest first; {@code status} and {@code to} (any case) narrow the list when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<View> list(String status, String to, Page.Request paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.and("status", status(status));
        }
        if (to != null && !to.isBlank()) {
            where.append(" and lower(recipient) = :to");
            params.and("to", to.strip().toLowerCase(Locale.ROOT));
        }
        return Page.of(OutboxMessage.<OutboxMessage>find(where.toString(), Sort.descending("id"), params), paging)
                .map(View::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(long id) {
        return View.of(find(id, LockModeType.NONE));
    }

    /**
     * A failed message is queued again with a fresh count of attempts; a queued one is made due now
     * (e.g. once SMTP is back). Waits for a sender that is sending it at this moment.
     */
    @Transactional
    public View retry(long id) {
        OutboxMessage m = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (m.status == OutboxMessage.Status.SENT) {
            throw ProblemException.conflict("Message " + id + " has been sent already");
        }
        if (m.status == OutboxMessage.Status.FAILED) {
            m.status = OutboxMessage.Status.QUEUED;
            m.attempts = 0;
        }
        OutboxMessage.Status before = m.status;
        m.nextAttemptAt = Instant.now();
        audit.record(org.juryroom.audit.AuditAction.OUTBOX_RETRIED, null,
                org.juryroom.audit.AuditLog.Subject.of("outboxMessage", m.id), java.util.Map.of("status", before),
                java.util.Map.of("status", m.status, "kind", m.kind));
        return View.of(m);
    }

    private static OutboxMessage find(long id, LockModeType lock) {
        OutboxMessage m = OutboxMessage.findById(id, lock);
        if (m == null) {
            throw ProblemException.notFound("Message " + id);
        }
        return m;
    }

    private static OutboxMessage.Status status(String value) {
        try {
            return OutboxMessage.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad request", "status must be QUEUED, SENT or FAILED",
                    java.util.List.of(new org.juryroom.common.Problem.Violation("status",
                            "status must be QUEUED, SENT or FAILED")), java.util.Map.of());
        }
    }
}
