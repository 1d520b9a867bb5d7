package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.mail.ReminderKind;
import org.juryroom.mail.ReminderLog;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.web.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reminders to jurors with assigned work in a competition that is not yet submitted or abstained
 * from (counted as on the progress page): the organiser's "remind everyone who has not finished", and
 * the scheduled ones before the judging deadline (mail/DeadlineReminders). The mail says how many
 * entries are left (and the deadline) and links to the jury desk; it names no school and no entry.
 * Every reminder is recorded ({@link ReminderLog}); the progress page shows them.
 */
@ApplicationScoped
public class JuryReminders {

    /**
     * A juror reminded by hand is not reminded by hand again within this time: a double click, or two
     * organisers pressing the button at once, sends one mail.
     */
    public static final Duration MANUAL_GAP = Duration.ofHours(1);

    private record Unfinished(long jurorId, String name, String email, long left) {
    }

    private final CompetitionService competitions;
    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final ReminderLog log;
    private final String publicUrl;

    public JuryReminders(CompetitionService competitions, EntityManager em, Outbox outbox, Letters letters,
                         ReminderLog log, JuryRoomConfig config) {
        this.competitions = competitions;
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.log = log;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** The organiser's button: queues the reminders; returns the reminded jurors' ids, in id order. */
    @Transactional
    public List<Long> remindUnfinished(long competitionId) {
        Competition competition = competitions.get(competitionId);
        Set<Long> recently = new HashSet<>(log.remindedByHandSince(competitionId, ReminderLog.To.JUROR,
                Instant.now().minus(MANUAL_GAP)));
        List<Unfinished> due = unfinished(competitionId).stream().filter(u -> !recently.contains(u.jurorId())).toList();
        return send(competition, due, ReminderKind.MANUAL, competition.judgingClosesAt);
    }

    /** A scheduled reminder before the judging deadline, to those who have not had this one; part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> remindBeforeDeadline(Competition competition, ReminderKind kind) {
        return send(competition, unfinished(competition.id), kind, competition.judgingClosesAt);
    }

    /** Who was reminded when, per juror id (manual and scheduled), for the progress page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<ReminderLog.Sent>> history(long competitionId) {
        return log.history(competitionId, ReminderLog.To.JUROR);
    }

    private List<Long> send(Competition competition, List<Unfinished> candidates, ReminderKind kind, Instant deadline) {
        Map<Long, Unfinished> byId = new LinkedHashMap<>();
        candidates.forEach(u -> byId.put(u.jurorId(), u));
        List<Long> claimed = log.claim(competition.id, ReminderLog.To.JUROR, List.copyOf(byId.keySet()), kind, deadline);
        for (Long id : claimed) {
            Unfinished u = byId.get(id);
            String language = org.juryroom.i18n.Recipients.ofJuror(id);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", u.name());
            data.put("competition", competition.title);
            data.put("left", u.left());
            data.put("deadline", deadline == null ? null : Formats.when(deadline, language));
            data.put("link", publicUrl + "/jury/competitions/" + competition.id);
            outbox.queue(MailKind.REMINDER, u.email(), letters.render("reminder",
                    w -> w.mail_reminder_subject(competition.title), data, language));
        }
        return claimed;
    }

    /** Jurors (still able to sign in) with unfinished current work (scores or screening votes), by id. */
    private List<Unfinished> unfinished(long competitionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select j.id, j.name, j.email, count(*)
                from juror j
                join %s on a.juror_id = j.id
                join entry e on e.id = a.entry_id
                where %s and not a.done
                  and %s
                group by j.id, j.name, j.email order by j.id""".formatted(JudgingProgress.CURRENT_WORK,
                        JudgingProgress.NOT_CONFLICTED, Juror.ACTIVE))
                .setParameter("cid", competitionId).getResultList();
        return rows.stream().map(r -> new Unfinished(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }
}
