package org.juryroom.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailMsg;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.ops.JuryRoomConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guardians' mails, queued in the outbox in the transaction that records the consent: the link to
 * confirm a GUARDIAN_EMAIL_CONFIRMED consent, or word that a consent was recorded. Both carry the
 * link to see or withdraw it ({@code /consent/{token}}). They name the child's first name and the
 * competition, never the school (issue 12: no mail names a child together with a school).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class GuardianMails {

    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;

    public GuardianMails(Outbox outbox, Letters letters, JuryRoomConfig config) {
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public void askToConfirm(GuardianConsent r, String firstName, String competition) {
        outbox.queue(MailKind.CONSENT_CONFIRMATION, r.guardianEmail, letters.render("consentConfirm",
                w -> w.mail_consent_confirm_subject(competition), data(r, firstName, competition), r.language)).consentId = r.id;
    }

    public void recorded(GuardianConsent r, String firstName, String competition) {
        outbox.queue(MailKind.CONSENT_RECORDED, r.guardianEmail, letters.render("consentRecorded",
                w -> w.mail_consent_recorded_subject(competition), data(r, firstName, competition), r.language)).consentId = r.id;
    }

    /**
     * Erasure: the guardian's mails about this record go from the outbox (sent or not), since they hold
     * the guardian's address and the child's first name.
     */
    public static long forget(GuardianConsent r) {
        return org.juryroom.mail.OutboxMessage.delete("consentId", r.id);
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
