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
}
