package org.juryroom.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.mail.ReminderKind;
import org.juryroom.mail.ReminderLog;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.web.Formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before the submission deadline (3 days and 1 day, mail/DeadlineReminders): a mail to each school
 * (still able to sign in) with draft entries in the competition, saying how many drafts are not yet
 * submitted and when submissions close. It names no entry and no child: a title often carries a
 * child's name.
 */
@ApplicationScoped
public class SchoolReminders {

    private record WithDrafts(long schoolId, String name, String email, long drafts) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final ReminderLog log;
    private final String publicUrl;

    public SchoolReminders(EntityManager em, Outbox outbox, Letters letters, ReminderLog log,
                           JuryRoomConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.log = log;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Queues this reminder to the schools with drafts that have not had it; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> remindBeforeDeadline(Competition competition, ReminderKind kind) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, s.contact_name, s.contact_email, count(*)
                from school s join entry e on e.school_id = s.id
                where e.competition_id = :cid and e.status = 'DRAFT' and s.contact_email is not null
                  and not exists (select 1 from app_user u where u.school_id = s.id and u.deactivated_at is not null)
                group by s.id, s.contact_name, s.contact_email order by s.id""")
                .setParameter("cid", competition.id).getResultList();
        Map<Long, WithDrafts> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(((Number) r[0]).longValue(), new WithDrafts(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], ((Number) r[3]).longValue())));
        List<Long> claimed = log.claim(competition.id, ReminderLog.To.SCHOOL, List.copyOf(byId.keySet()), kind,
                competition.submissionClosesAt);
        for (Long id : claimed) {
            WithDrafts s = byId.get(id);
            String language = org.juryroom.i18n.Recipients.ofSchool(id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", s.name());
            data.put("competition", competition.title);
            data.put("drafts", s.drafts());
            data.put("deadline", Formats.when(competition.submissionClosesAt, language));
            data.put("link", publicUrl + "/school");
            outbox.queue(MailKind.REMINDER, s.email(), letters.render("draftReminder",
                    w -> w.mail_drafts_subject(competition.title), data, language));
        }
        return claimed;
    }
}
