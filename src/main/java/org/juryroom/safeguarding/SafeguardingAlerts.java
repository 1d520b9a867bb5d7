package org.juryroom.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.ops.JuryRoomConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "A concern needs your attention", to every safeguarding lead whose account is active, queued in
 * the transaction that raises the concern. It carries the reference, the urgency and a link to the
 * desk, never what the concern is about: no entry, school, child or note leaves in a mail.
 */
@ApplicationScoped
public class SafeguardingAlerts {

    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;

    public SafeguardingAlerts(EntityManager em, Outbox outbox, Letters letters, JuryRoomConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(Concern c) {
        @SuppressWarnings("unchecked")
        List<Object[]> leads = em.createNativeQuery("""
                select l.name, l.email, (select u.language from app_user u where u.safeguarding_lead_id = l.id
                                         and u.language is not null limit 1)
                from safeguarding_lead l
                where\s""" + SafeguardingLead.ACTIVE + " order by l.id").getResultList();
        for (Object[] lead : leads) {
            String language = org.juryroom.i18n.Recipients.resolve((String) lead[2]);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", lead[0]);
            data.put("reference", c.reference);
            data.put("urgent", c.urgency == Concern.Urgency.IMMEDIATE_DANGER);
            data.put("link", publicUrl + "/safeguarding/concerns/" + c.id);
            boolean urgent = c.urgency == Concern.Urgency.IMMEDIATE_DANGER;
            outbox.queue(MailKind.SAFEGUARDING_ALERT, (String) lead[1], letters.render("safeguardingAlert",
                    w -> urgent ? w.mail_sg_alert_subject_urgent(c.reference) : w.mail_sg_alert_subject(c.reference),
                    data, language));
        }
    }

    /**
     * A lead's address was corrected: the alerts not yet taken by SMTP for {@code from} go to {@code to}, due now
     * and counted afresh (so the "not delivered" warning clears until the new address fails too). Unless another
     * active lead still receives at {@code from}. Waits for a sender holding one of them. Returns how many moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int readdress(String from, String to) {
        em.flush();
        if (SafeguardingLead.receivesAt(from)) {
            return 0;
        }
        return em.createNativeQuery("update outbox_message set recipient = ?1, next_attempt_at = now(), attempts = 0,"
                        + " last_error = null where " + PENDING)
                .setParameter(1, to).setParameter(2, from).executeUpdate();
    }

    /**
     * A lead was deactivated: the alerts not yet taken by SMTP for their address are given up, with the reason
     * on each (the outbox shows it), unless another active lead receives there. The concerns stay on the desk,
     * and the remaining leads had their own alerts. Returns how many were settled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int cancel(String to, String reason) {
        em.flush();
        if (SafeguardingLead.receivesAt(to)) {
            return 0;
        }
        return em.createNativeQuery("update outbox_message set status = 'FAILED', last_error = ?1 where " + PENDING)
                .setParameter(1, reason).setParameter(2, to).executeUpdate();
    }

    /** SQL: the queued alerts to the address ?2. */
    private static final String PENDING = "kind = '" + MailKind.SAFEGUARDING_ALERT.name() + "' and status = 'QUEUED'"
            + " and lower(recipient) = lower(?2)";
}
