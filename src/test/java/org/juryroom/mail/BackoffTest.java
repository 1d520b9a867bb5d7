package org.juryroom.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(20), 5);

    @Test
    void waitsDoubleFromTheFirstUpToTheLongest() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(20));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aMessageIsTriedExactlyMaxAttemptsTimes() {
        assertThat(backoff.exhausted(4)).isFalse();
        assertThat(backoff.exhausted(5)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(2), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretLinksAreMaskedAndNothingElse() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
        assertThat(Secrets.mask("Set it: https://x.example/invite/" + token + "\nthanks"))
                .isEqualTo("Set it: https://x.example/invite/…\nthanks");
        assertThat(Secrets.mask("<a href=\"https://x.example/reset/" + token + "\">"))
                .isEqualTo("<a href=\"https://x.example/reset/…\">");
        assertThat(Secrets.mask("see https://x.example/shortlist/12")).isEqualTo("see https://x.example/shortlist/12");
    }
}
