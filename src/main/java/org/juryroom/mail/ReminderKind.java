package org.juryroom.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which reminder a deadline calls for. Scheduled reminders go out a number of days before a deadline;
 * {@link #MANUAL} is an organiser's "remind everyone who has not finished". Pure: no database.
 */
public enum ReminderKind {
    DAYS_7(7), DAYS_3(3), DAYS_1(1), MANUAL(0);

    /** What jurors get before the judging deadline, and schools before the submission deadline. */
    public static final List<ReminderKind> JURORS = List.of(DAYS_7, DAYS_3, DAYS_1);
    public static final List<ReminderKind> SCHOOLS = List.of(DAYS_3, DAYS_1);

    public final int days;

    ReminderKind(int days) {
        this.days = days;
    }

    /**
     * The reminder due at {@code now} before {@code deadline}: of the offered kinds whose day has come,
     * the one closest to the deadline (two days before it, the 3-day reminder; the 7-day one is not sent
     * late). Empty before the first one's day and once the deadline has passed.
     */
    public static Optional<ReminderKind> due(Instant now, Instant deadline, List<ReminderKind> offered) {
        if (deadline == null || !now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, deadline);
        ReminderKind due = null;
        for (ReminderKind kind : offered) {
            if (kind != MANUAL && left.compareTo(Duration.ofDays(kind.days)) <= 0
                    && (due == null || kind.days < due.days)) {
                due = kind;
            }
        }
        return Optional.ofNullable(due);
    }

    /** The longest lead time offered: deadlines further away than this need nothing yet. */
    public static Duration horizon(List<ReminderKind> offered) {
        return Duration.ofDays(offered.stream().mapToInt(k -> k.days).max().orElse(0));
    }
}
