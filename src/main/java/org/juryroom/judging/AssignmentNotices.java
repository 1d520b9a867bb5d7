package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.mail.Letters;
import org.juryroom.mail.MailKind;
import org.juryroom.mail.Outbox;
import org.juryroom.ops.JuryRoomConfig;
import org.juryroom.web.Formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The assignment notice: after an assignment run (or a top-up) each juror given new work gets one
 * mail, whatever the number of entries: how many are new, how many are theirs in all, and the
 * judging deadline. It names no school and no entry.
 */
@ApplicationScoped
public class AssignmentNotices {

    private final EntityManager em;
    private final Outbox outbox;
    private final Letters letters;
    private final String publicUrl;

    public AssignmentNotices(EntityManager em, Outbox outbox, Letters letters, JuryRoomConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.letters = letters;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Queues one notice per juror in {@code added}; part of the caller's (the run's) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(Competition c, List<AssignmentPlanner.Pair> added) {
        Map<Long, Long> newPerJuror = new TreeMap<>();
        added.forEach(p -> newPerJuror.merge(p.jurorId(), 1L, Long::sum));
        if (newPerJuror.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select j.id, j.name, j.email, count(*)
                from juror j join %s on a.juror_id = j.id
                join entry e on e.id = a.entry_id
                where j.id in (:ids) and %s
                  and %s
                group by j.id, j.name, j.email order by j.id""".formatted(JudgingProgress.CURRENT_WORK,
                        JudgingProgress.NOT_CONFLICTED, Juror.ACTIVE))
                .setParameter("cid", c.id).setParameter("ids", newPerJuror.keySet()).getResultList();
        for (Object[] r : rows) {
            String language = org.juryroom.i18n.Recipients.ofJuror(((Number) r[0]).longValue());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", r[1]);
            data.put("competition", c.title);
            data.put("added", newPerJuror.get(((Number) r[0]).longValue()));
            data.put("total", ((Number) r[3]).longValue());
            data.put("deadline", c.judgingClosesAt == null ? null : Formats.when(c.judgingClosesAt, language));
            data.put("link", publicUrl + "/jury/competitions/" + c.id);
            outbox.queue(MailKind.ASSIGNMENT, (String) r[2], letters.render("assigned",
                    w -> w.mail_assigned_subject(c.title), data, language));
        }
    }
}
