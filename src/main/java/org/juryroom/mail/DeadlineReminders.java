package org.juryroom.mail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.judging.JuryReminders;
import org.juryroom.school.SchoolReminders;

import java.time.Instant;
import java.util.List;

/**
 * Scheduled reminders before deadlines: jurors with unfinished scorecards 7, 3 and 1 days before a
 * judging competition's {@code judgingClosesAt}; schools with drafts 3 days and 1 day before an open
 * competition's {@code submissionClosesAt}. Each competition is handled in a transaction of its own.
 * Any number of these may run at once, here or on other instances: {@link ReminderLog#claim} lets
 * each reminder through once, and a late run sends only the reminder closest to the deadline.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);

    public record Report(int jurors, int schools) {
    }

    private final JuryReminders jurors;
    private final SchoolReminders schools;

    public DeadlineReminders(JuryReminders jurors, SchoolReminders schools) {
        this.jurors = jurors;
        this.schools = schools;
    }

    @Scheduled(identity = "deadline-reminders", every = "${juryroom.mail.remind-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run(Instant.now());
        if (report.jurors() + report.schools() > 0) {
            LOG.infof("Deadline reminders queued: %d to jurors, %d to schools", report.jurors(), report.schools());
        }
    }

    /** Queues the reminders due at {@code now}; returns how many went to jurors and to schools. */
    public Report run(Instant now) {
        int toJurors = 0;
        int toSchools = 0;
        for (Long id : due("status = ?1 and judgingClosesAt > ?2 and judgingClosesAt <= ?3", CompetitionStatus.JUDGING,
                now, now.plus(ReminderKind.horizon(ReminderKind.JURORS)))) {
            toJurors += isolated(id, () -> {
                Competition c = Competition.findById(id);
                return ReminderKind.due(now, c.judgingClosesAt, ReminderKind.JURORS)
                        .map(kind -> jurors.remindBeforeDeadline(c, kind).size()).orElse(0);
            });
        }
        for (Long id : due("status = ?1 and submissionClosesAt > ?2 and submissionClosesAt <= ?3",
                CompetitionStatus.OPEN, now, now.plus(ReminderKind.horizon(ReminderKind.SCHOOLS)))) {
            toSchools += isolated(id, () -> {
                Competition c = Competition.findById(id);
                return ReminderKind.due(now, c.submissionClosesAt, ReminderKind.SCHOOLS)
                        .map(kind -> schools.remindBeforeDeadline(c, kind).size()).orElse(0);
            });
        }
        return new Report(toJurors, toSchools);
    }

    /** One competition's reminders in a transaction of their own: a failure there leaves the others to go out. */
    private static int isolated(long competitionId, java.util.concurrent.Callable<Integer> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Deadline reminders for competition %d failed; the next run tries again", competitionId);
            return 0;
        }
    }

    private static List<Long> due(String query, CompetitionStatus status, Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> Competition.<Competition>list(query + " order by id",
                status, from, to).stream().map(c -> c.id).toList());
    }
}
