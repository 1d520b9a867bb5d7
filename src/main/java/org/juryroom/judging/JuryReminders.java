package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.MailMsg;
import org.juryroom.mail.Outbox;
import org.juryroom.ops.JuryRoomConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Remind everyone who has not finished": a mail to each juror with assigned work in the
 * competition that is not yet submitted or abstained from (counted as on the progress page). The
 * mail says how many entries are left and links to the jury desk; it names no school and no entry.
 */
@ApplicationScoped
public class JuryReminders {

    private final CompetitionService competitions;
    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final MailMsg msg;
    private final String publicUrl;

    public JuryReminders(CompetitionService competitions, EntityManager em, Outbox outbox, Letters letters,
                         MailMsg msg, JuryRoomConfig config) {
        this.competitions = competitions;
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.msg = msg;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Queues the reminders; returns the reminded jurors' ids, in id order. */
    @Transactional
    public List<Long> remindUnfinished(long competitionId) {
        Competition competition = competitions.get(competitionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select j.id, j.name, j.email, count(*)
                from juror j
                join assignment a on a.juror_id = j.id and a.competition_id = :cid
                join entry e on e.id = a.entry_id
                left join scorecard s on s.entry_id = a.entry_id and s.juror_id = j.id
                where %s and e.status = 'SUBMITTED' and (s.id is null or s.status = 'DRAFT')
                group by j.id, j.name, j.email order by j.id""".formatted(JudgingProgress.NOT_CONFLICTED))
                .setParameter("cid", competitionId).getResultList();
        for (Object[] row : rows) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", row[1]);
            data.put("competition", competition.title);
            data.put("left", ((Number) row[3]).longValue());
            data.put("link", publicUrl + "/jury/competitions/" + competitionId);
            String language = org.juryroom.i18n.Recipients.ofJuror(((Number) row[0]).longValue());
            outbox.queue(MailKind.REMINDER, (String) row[2], letters.render("reminder",
                    letters.words(language).mail_reminder_subject(competition.title), data, language));
        }
        return rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
    }
}
