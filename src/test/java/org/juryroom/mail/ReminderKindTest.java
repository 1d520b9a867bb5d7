package org.juryroom.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderKindTest {

    private static final Instant DEADLINE = Instant.parse("2026-12-20T18:00:00Z");

    private static Optional<ReminderKind> jurorsAt(Duration before) {
        return ReminderKind.due(DEADLINE.minus(before), DEADLINE, ReminderKind.JURORS);
    }

    @Test
    void theReminderClosestToTheDeadlineWhoseDayHasCome() {
        assertThat(jurorsAt(Duration.ofDays(8))).isEmpty();
        assertThat(jurorsAt(Duration.ofDays(7))).contains(ReminderKind.DAYS_7);
        assertThat(jurorsAt(Duration.ofDays(3).plusSeconds(1))).contains(ReminderKind.DAYS_7);
        assertThat(jurorsAt(Duration.ofDays(3))).contains(ReminderKind.DAYS_3);
        assertThat(jurorsAt(Duration.ofHours(30))).contains(ReminderKind.DAYS_3);
        assertThat(jurorsAt(Duration.ofHours(24))).contains(ReminderKind.DAYS_1);
        assertThat(jurorsAt(Duration.ofSeconds(1))).contains(ReminderKind.DAYS_1);
        assertThat(jurorsAt(Duration.ZERO)).isEmpty();
        assertThat(jurorsAt(Duration.ofDays(1).negated())).isEmpty();
        assertThat(ReminderKind.due(Instant.now(), null, ReminderKind.JURORS)).isEmpty();
    }

    @Test
    void schoolsHaveNoSevenDayReminder() {
        assertThat(ReminderKind.due(DEADLINE.minus(Duration.ofDays(5)), DEADLINE, ReminderKind.SCHOOLS)).isEmpty();
        assertThat(ReminderKind.due(DEADLINE.minus(Duration.ofDays(2)), DEADLINE, ReminderKind.SCHOOLS))
                .contains(ReminderKind.DAYS_3);
        assertThat(ReminderKind.horizon(ReminderKind.SCHOOLS)).isEqualTo(Duration.ofDays(3));
        assertThat(ReminderKind.horizon(ReminderKind.JURORS)).isEqualTo(Duration.ofDays(7));
    }
}
