package org.juryroom.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.juryroom.entry.Participant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One child's guardian consent (DPDP s.9, GDPR Art. 8): who agreed, how it was verified, on which
 * notice, to which scopes, and when each scope was withdrawn. A scope is active while given and not
 * withdrawn. Erasure empties the guardian's fields and keeps the scopes and dates.
 */
@Entity
@Table(name = "guardian_consent")
public class GuardianConsent extends PanacheEntityBase {

    public enum Relationship { PARENT, LEGAL_GUARDIAN }

    public enum Verification { PAPER_FORM_HELD_BY_SCHOOL, GUARDIAN_EMAIL_CONFIRMED, OTHER }

    /** The scopes as the API names them. */
    public enum Scope {
        judging, publishWork, publishName
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_id")
    public Long entryId;

    /** Null once the participant row is gone (never while the entry exists: erasure keeps the row). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "participant_id")
    public Participant participant;

    /** The child's place in the entry (0-based), kept after erasure. */
    public int position;

    /** The withdrawal link's credential (/consent/{token}): 256 random bits, URL-safe. */
    public String token;

    @Column(name = "guardian_name")
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String guardianName;

    @Enumerated(EnumType.STRING)
    public Relationship relationship;

    @Column(name = "guardian_email")
    public String guardianEmail;

    @Column(name = "guardian_phone")
    public String guardianPhone;

    @Enumerated(EnumType.STRING)
    public Verification verification;

    /** PAPER_FORM_HELD_BY_SCHOOL: the form's reference at the school. */
    @Column(name = "verification_reference")
    public String verificationReference;

    /** OTHER: how it was verified. */
    @Column(name = "verification_note")
    public String verificationNote;

    /** The notice the guardian saw; null for records migrated from before notices were versioned. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id")
    public ConsentNotice notice;

    public boolean judging;

    @Column(name = "publish_work")
    public boolean publishWork;

    @Column(name = "publish_name")
    public boolean publishName;

    @Column(name = "given_at")
    public Instant givenAt;

    /** The account that recorded it (the school's user, or "migration"). */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** The teacher who attests that the school holds the guardian's consent. */
    @Column(name = "attested_by")
    public String attestedBy;

    @Column(name = "judging_withdrawn_at")
    public Instant judgingWithdrawnAt;

    @Column(name = "publish_work_withdrawn_at")
    public Instant publishWorkWithdrawnAt;

    @Column(name = "publish_name_withdrawn_at")
    public Instant publishNameWithdrawnAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** GUARDIAN_EMAIL_CONFIRMED: when the guardian confirmed through their link; null while awaited. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /**
     * GUARDIAN_EMAIL_CONFIRMED, awaiting: the SHA-256 (hex) of the secret in the confirmation link mailed
     * to the guardian; null once used, when no confirmation is awaited, or before the record was asked
     * (again) since V40. Never the withdrawal token: the school sees that one.
     */
    @Column(name = "confirm_secret_hash")
    public String confirmSecretHash;

    /** When the confirmation secret stops confirming; null with it. */
    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    /**
     * The SHA-256 of the confirmation secret that confirmed this record: that link, opened or sent again,
     * shows the confirmed consent and changes nothing, instead of a dead link. Null while not confirmed.
     */
    @Column(name = "confirmed_with_hash")
    public String confirmedWithHash;

    /** The language of the guardian's mails (en, hi, bn); null on records older than the choice: English. */
    public String language;

    /**
     * In force: given, not withdrawn, and — for a consent the guardian confirms by e-mail — confirmed.
     * Every reader of consent (the entry's summary, submission, publication) asks this.
     */
    public boolean active(Scope scope) {
        return standing(scope) && !awaitingConfirmation();
    }

    /** Given and not withdrawn, confirmed or not: what a guardian can still confirm or withdraw. */
    public boolean standing(Scope scope) {
        return switch (scope) {
            case judging -> judging && judgingWithdrawnAt == null;
            case publishWork -> publishWork && publishWorkWithdrawnAt == null;
            case publishName -> publishName && publishNameWithdrawnAt == null;
        };
    }

    public boolean awaitingConfirmation() {
        return verification == Verification.GUARDIAN_EMAIL_CONFIRMED && confirmedAt == null;
    }

    public Instant withdrawnAt(Scope scope) {
        return switch (scope) {
            case judging -> judgingWithdrawnAt;
            case publishWork -> publishWorkWithdrawnAt;
            case publishName -> publishNameWithdrawnAt;
        };
    }

    public static List<GuardianConsent> ofEntry(long entryId) {
        return list("entryId = ?1 order by position", entryId);
    }

    public static Optional<GuardianConsent> byToken(String token) {
        return find("token", token).firstResultOptional();
    }

    /** The record whose confirmation secret this is, while it is live. */
    public static Optional<GuardianConsent> byConfirmSecret(String secret, Instant now) {
        return find("confirmSecretHash = ?1 and confirmExpiresAt > ?2", hash(secret), now).firstResultOptional();
    }

    /** The confirmed record whose confirmation link this was. */
    public static Optional<GuardianConsent> byUsedConfirmSecret(String secret) {
        return find("confirmedWithHash = ?1 and confirmedAt is not null", hash(secret)).firstResultOptional();
    }

    /** The record a confirmation link opens: live, or the one that confirmed it. */
    public static Optional<GuardianConsent> byAnyConfirmSecret(String secret, Instant now) {
        return byConfirmSecret(secret, now).or(() -> byUsedConfirmSecret(secret));
    }

    /** Whether a confirmation link mailed for this record still confirms it. */
    public boolean confirmable(Instant now) {
        return confirmSecretHash != null && confirmExpiresAt != null && confirmExpiresAt.isAfter(now);
    }

    /** The confirmation secret stops working (erased, asked again, or no confirmation awaited any more). */
    public void dropConfirmSecret() {
        confirmSecretHash = null;
        confirmExpiresAt = null;
        confirmedWithHash = null;
    }

    /** SHA-256 in hex, as the confirmation secret is kept. */
    public static String hash(String secret) {
        return org.juryroom.access.AccountLinks.hash(secret);
    }
}
