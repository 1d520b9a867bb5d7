package org.juryroom.web;

import org.juryroom.competition.CompetitionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The countdown a school sees: which state a competition's submission window is in at a given moment. */
class DeadlineTest {

    static final Instant OPENS = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-12-21T00:00:00Z");

    static Deadline at(CompetitionStatus status, Instant now) {
        return Deadline.of(status, OPENS, CLOSES, now);
    }

    @Test
    void aDraftOrAWindowNotYetOpenIsUpcoming() {
        assertThat(at(CompetitionStatus.DRAFT, OPENS.plusSeconds(60)).state()).isEqualTo("upcoming");
        assertThat(at(CompetitionStatus.OPEN, OPENS.minusSeconds(1)).state()).isEqualTo("upcoming");
    }

    @Test
    void anOpenWindowCountsDownAndIsSoonInItsLastThreeDays() {
        Deadline open = at(CompetitionStatus.OPEN, CLOSES.minus(Duration.ofDays(5)).minus(Duration.ofHours(2)));
        assertThat(open.state()).isEqualTo("open");
        assertThat(open.open()).isTrue();
        assertThat(open.days()).isEqualTo(5);
        assertThat(open.hours()).isEqualTo(2);
        Deadline soon = at(CompetitionStatus.OPEN, CLOSES.minus(Duration.ofMinutes(90)));
        assertThat(soon.state()).isEqualTo("soon");
        assertThat(soon.lastDay()).isTrue();
        assertThat(soon.hours()).isEqualTo(1);
        assertThat(soon.minutes()).isEqualTo(30);
    }

    @Test
    void theWindowsEndClosesIt() {
        assertThat(at(CompetitionStatus.OPEN, CLOSES).state()).isEqualTo("closed");
        assertThat(at(CompetitionStatus.JUDGING, CLOSES.plusSeconds(1)).state()).isEqualTo("closed");
        assertThat(at(CompetitionStatus.OPEN, CLOSES).open()).isFalse();
    }

    @Test
    void closedByTheOrganisersBeforeTheEndIsStoppedNotClosedOnAFutureDate() {
        for (CompetitionStatus status : new CompetitionStatus[] {CompetitionStatus.JUDGING, CompetitionStatus.FROZEN,
                CompetitionStatus.PUBLISHED}) {
            Deadline stopped = at(status, CLOSES.minus(Duration.ofDays(14)));
            assertThat(stopped.state()).as(status.name()).isEqualTo("stopped");
            assertThat(stopped.open()).as(status.name()).isFalse();
        }
    }
}
