package org.juryroom.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailMsg;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.mail.OutboxMessage;
import org.juryroom.ops.JuryRoomConfig;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardians' mails, queued in the outbox in the transaction that records the consent: the link to
 * confirm a GUARDIAN_EMAIL_CONFIRMED consent ({@code /consent/{secret}}: a secret of its own, single use),
 * or word that a consent was recorded. Both carry the link to see or withdraw it ({@code /consent/{token}}). They name the child's first name and the
 * competition, never the school (issue 12: no mail names a child together with a school).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GuardianMails {

    /** How long a confirmation link confirms; the school saving the consent again sends a new one. */
    public static final Duration CONFIRM_VALID_FOR = Duration.ofDays(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;

    public GuardianMails(Outbox outbox, Letters letters, JuryRoomConfig config) {
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /**
     * Asks the guardian to confirm, with a new confirmation secret: the one mailed before stops working,
     * and a request still queued for this record is not sent (it may have gone to a mistyped address).
     * Only the secret's hash is kept; the mail's body is masked in the outbox view and once sent.
     */
    public void askToConfirm(GuardianConsent r, String firstName, String competition) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        r.dropConfirmSecret();
        r.confirmSecretHash = GuardianConsent.hash(secret);
        r.confirmExpiresAt = Instant.now().plus(CONFIRM_VALID_FOR);
        if (r.id != null) {
            OutboxMessage.delete("consentId = ?1 and kind = ?2 and status = ?3", r.id,
                    MailKind.CONSENT_CONFIRMATION.name(), OutboxMessage.Status.QUEUED);
        }
        Map<String, Object> data = data(r, firstName, competition);
        data.put("link", publicUrl + "/consent/" + secret);
        data.put("withdrawLink", publicUrl + "/consent/" + r.token);
        outbox.queue(MailKind.CONSENT_CONFIRMATION, r.guardianEmail, letters.render("consentConfirm",
                w -> w.mail_consent_confirm_subject(competition), data, r.language)).consentId = r.id;
    }

    public void recorded(GuardianConsent r, String firstName, String competition) {
        outbox.queue(MailKind.CONSENT_RECORDED, r.guardianEmail, letters.render("consentRecorded",
                w -> w.mail_consent_recorded_subject(competition), data(r, firstName, competition), r.language)).consentId = r.id;
    }

    /**
     * Erasure: the guardian's mails about this record go from the outbox (sent or not), since they hold
     * the guardian's address and the child's first name. (Deleting the record takes them too: V40's key.)
     */
    public static long forget(GuardianConsent r) {
        return OutboxMessage.delete("consentId", r.id);
    }

    /** In the guardian's language ({@link GuardianConsent#language}): scopes and the notice's text too. */
    private Map<String, Object> data(GuardianConsent r, String firstName, String competition) {
        String language = Letters.languageOf(r.language);
        MailMsg msg = letters.words(language);
        List<String> scopes = new ArrayList<>();
        for (GuardianConsent.Scope s : GuardianConsent.Scope.values()) {
            if (r.standing(s)) {
                scopes.add(switch (s) {
                    case judging -> msg.mail_consent_scope_judging();
                    case publishWork -> msg.mail_consent_scope_publishWork();
                    case publishName -> msg.mail_consent_scope_publishName();
                });
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", r.guardianName);
        data.put("child", firstName);
        data.put("competition", competition);
        data.put("scopes", scopes);
        data.put("noticeVersion", r.notice == null ? null : r.notice.version);
        data.put("notice", r.notice == null || r.notice.texts == null ? null : r.notice.texts.getOrDefault(language, r.notice.texts.get("en")));
        data.put("link", publicUrl + "/consent/" + r.token);
        return data;
    }
}
