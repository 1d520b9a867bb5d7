package org.juryroom.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** One e-mail in the outbox: written with the change that causes it, sent later by {@link MailSender}. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    public enum Status { QUEUED, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    public String recipient;

    public String subject;

    @Column(name = "text_body")
    public String textBody;

    @Column(name = "html_body")
    public String htmlBody;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A guardian's mail: their consent record's id (erasure deletes the mail with the record's personal data). */
    @Column(name = "consent_id")
    public Long consentId;

    /**
     * The entries a school's mail names (a receipt its entry, a result mail the shortlisted ones), so that an
     * erasure rewrites exactly those mails (V46; erasure/ErasureService).
     */
    @ElementCollection
    @CollectionTable(name = "outbox_message_entry", joinColumns = @JoinColumn(name = "message_id"))
    @Column(name = "entry_id")
    public Set<Long> entryIds = new HashSet<>();

    /**
     * Safeguarding alerts SMTP has not taken yet though it was asked (each is tried again until it is,
     * {@link MailKind#retriedUntilSent}); the alerts' partial index (V41) finds them.
     */
    public static long undeliveredAlerts() {
        return count("status = ?1 and kind = ?2 and attempts > 0", Status.QUEUED, MailKind.SAFEGUARDING_ALERT.name());
    }
}
