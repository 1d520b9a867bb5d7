package org.juryroom.web;

import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a competition stands against its submission window, for the countdown schools see:
 * {@code state} is "upcoming", "open", "soon" (under three days left), "closed", or "stopped": closed by the
 * organisers before the window's end, whose date is then still ahead and must not be shown as the day it closed.
 */
public record Deadline(String state, Instant opensAt, Instant closesAt, long days, long hours, long minutes) {

    static final Duration SOON = Duration.ofDays(3);

    public static Deadline of(Competition c) {
        return of(c.status, c.submissionOpensAt, c.submissionClosesAt, Instant.now());
    }

    static Deadline of(CompetitionStatus status, Instant opens, Instant closes, Instant now) {
        if (status == CompetitionStatus.DRAFT || (status == CompetitionStatus.OPEN && now.isBefore(opens))) {
            return new Deadline("upcoming", opens, closes, 0, 0, 0);
        }
        if (!now.isBefore(closes)) {
            return new Deadline("closed", opens, closes, 0, 0, 0);
        }
        if (status != CompetitionStatus.OPEN) {
            return new Deadline("stopped", opens, closes, 0, 0, 0);
        }
        Duration left = Duration.between(now, closes);
        return new Deadline(left.compareTo(SOON) < 0 ? "soon" : "open", opens, closes, left.toDays(),
                left.toHoursPart(), left.toMinutesPart());
    }

    /** Entries can be created and changed now. */
    public boolean open() {
        return state.equals("open") || state.equals("soon");
    }

    /** Under a day left: the countdown shows hours and minutes. */
    public boolean lastDay() {
        return days == 0;
    }
}
