package org.juryroom.mail;

import java.time.Duration;

/**
 * When a failed message is tried again: the first retry after {@code first}, each later one after
 * twice the wait before, never more than {@code atMost}; after {@code maxAttempts} attempts the
 * message has failed for good (an organiser can queue it again), except a safeguarding alert, which
 * {@link MailSender} tries again after {@code atMost} until it is sent.
 */
public record Backoff(Duration first, Duration atMost, int maxAttempts) {

    public Backoff {
        if (first.isNegative() || atMost.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("mail retry settings: need 0 <= first <= at-most and max-attempts >= 1");
        }
    }

    /** True when a message that has now failed {@code attempts} times is not tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(atMost) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(atMost) > 0 ? atMost : delay;
    }
}
