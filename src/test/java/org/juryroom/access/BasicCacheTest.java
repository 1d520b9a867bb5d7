package org.juryroom.access;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BasicCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final BasicCache cache = new BasicCache(60, 3, now::get);

    @Test
    void onlyTheSamePasswordForTheSameUserAndStoredHashHitsUntilItExpires() {
        assertThat(cache.knownGood(1, "$2a$hash", "secret")).isFalse();
        cache.rememberGood(1, "$2a$hash", "secret");
        assertThat(cache.knownGood(1, "$2a$hash", "secret")).isTrue();
        assertThat(cache.knownGood(1, "$2a$hash", "secreT")).isFalse();
        assertThat(cache.knownGood(2, "$2a$hash", "secret")).isFalse();
        assertThat(cache.knownGood(1, "$2a$other", "secret")).as("a new password hash").isFalse();
        now.addAndGet(59);
        assertThat(cache.knownGood(1, "$2a$hash", "secret")).isTrue();
        now.addAndGet(1);
        assertThat(cache.knownGood(1, "$2a$hash", "secret")).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 10; i++) {
            cache.rememberGood(i, "h", "p");
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.knownGood(9, "h", "p")).isTrue();
    }
}
