package org.juryroom.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reminders sent ({@code reminder_sent}), in the transaction that queues their mails. A scheduled
 * reminder is claimed by inserting its row: the unique index lets one transaction in, on every
 * instance, and the others (waiting for it to commit) insert nothing, so nobody gets the same
 * reminder twice for the same deadline, however many schedulers and organisers run at once.
 */
@ApplicationScoped
public class ReminderLog {

    /** To whom a reminder goes: the column of its recipient. */
    public enum To {
        JUROR("juror_id"), SCHOOL("school_id");

        final String column;

        To(String column) {
            this.column = column;
        }
    }

    /** One reminder as the progress page shows it. */
    public record Sent(ReminderKind kind, Instant sentAt) {
    }

    private final EntityManager em;

    public ReminderLog(EntityManager em) {
        this.em = em;
    }

    /**
     * Records this reminder for those of {@code ids} who have not had it yet for this deadline (a
     * manual one always counts; its deadline may be null); returns them, in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> claim(long competitionId, To to, List<Long> ids, ReminderKind kind, Instant deadline) {
        List<Long> claimed = new ArrayList<>();
        for (Long id : ids) {
            List<?> row = em.createNativeQuery("insert into reminder_sent (competition_id, " + to.column
                            + ", kind, deadline) values (:cid, :id, :kind, :deadline) on conflict do nothing returning id")
                    .setParameter("cid", competitionId).setParameter("id", id).setParameter("kind", kind.name())
                    .setParameter("deadline", deadline == null ? null : Timestamp.from(deadline)).getResultList();
            if (!row.isEmpty()) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /**
     * Serialises the organisers' "remind everyone" for one competition (until the transaction ends),
     * then returns who of {@code ids} has had a manual reminder since {@code since}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> remindedByHandSince(long competitionId, To to, Instant since) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('juryroom:manual-reminder'), cast(:cid as int))")
                .setParameter("cid", (int) competitionId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select distinct " + to.column + " from reminder_sent"
                        + " where competition_id = :cid and kind = 'MANUAL' and " + to.column + " is not null"
                        + " and sent_at >= :since")
                .setParameter("cid", competitionId).setParameter("since", Timestamp.from(since)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Each recipient's reminders in this competition, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Sent>> history(long competitionId, To to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + to.column + ", kind, sent_at from reminder_sent"
                        + " where competition_id = :cid and " + to.column + " is not null order by sent_at, id")
                .setParameter("cid", competitionId).getResultList();
        Map<Long, List<Sent>> history = new LinkedHashMap<>();
        for (Object[] r : rows) {
            history.computeIfAbsent(((Number) r[0]).longValue(), x -> new ArrayList<>())
                    .add(new Sent(ReminderKind.valueOf((String) r[1]), instant(r[2])));
        }
        return history;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value);
    }
}
