package org.juryroom.common;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-ahead budget: whole reservations or none, never above the limit, everything given back. */
class ReadAheadBudgetTest {

    @Test
    void aReservationFitsWholeOrTakesNothing() {
        ReadAheadBudget budget = new ReadAheadBudget(100);
        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.reserve(41)).as("one byte too many").isFalse();
        assertThat(budget.held()).isEqualTo(60);
        assertThat(budget.reserve(40)).as("exactly what is left").isTrue();
        assertThat(budget.reserve(1)).isFalse();
        assertThat(budget.release(60)).isTrue();
        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.release(60)).isTrue();
        assertThat(budget.release(40)).isTrue();
        assertThat(budget.held()).isZero();
        assertThat(budget.release(1)).as("more than is held").isFalse();
        assertThat(budget.held()).as("left at zero, not below").isZero();
        assertThatThrownBy(() -> budget.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReadAheadBudget(100).reserve(101)).as("larger than the whole budget").isFalse();
    }

    /**
     * Many threads reserve and release sizes drawn with a fixed seed: the total never exceeds the limit (a
     * watcher samples it throughout), the race does reach the limit, and all is given back at the end.
     */
    @RepeatedTest(3)
    void racingReservationsNeverExceedTheLimitAndAllIsGivenBack(RepetitionInfo repetition) throws Exception {
        long limit = 8L * 64 * 1024; // eight of the largest bodies
        ReadAheadBudget budget = new ReadAheadBudget(limit);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong highest = new AtomicLong();
        AtomicLong granted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(20261206L * 31 + repetition.getCurrentRepetition() * 1000L + t);
                writers.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) {
                        if (!mine.isEmpty() && random.nextBoolean()) {
                            assertThat(budget.release(mine.remove(random.nextInt(mine.size())))).isTrue();
                            continue;
                        }
                        long bytes = 1 + random.nextInt(64 * 1024);
                        if (budget.reserve(bytes)) {
                            granted.incrementAndGet();
                            mine.add(bytes);
                        } else {
                            refused.incrementAndGet();
                        }
                        highest.accumulateAndGet(budget.held(), Math::max);
                    }
                    mine.forEach(bytes -> assertThat(budget.release(bytes)).isTrue());
                    return null;
                }));
            }
            CountDownLatch done = new CountDownLatch(1);
            Future<?> watcher = pool.submit(() -> {
                while (done.getCount() > 0) {
                    highest.accumulateAndGet(budget.held(), Math::max);
                }
                return null;
            });
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            done.countDown();
            watcher.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(highest.get()).as("never above the limit").isLessThanOrEqualTo(limit);
        assertThat(granted.get()).as("reservations granted").isPositive();
        assertThat(refused.get()).as("the race reached the limit").isPositive();
        assertThat(budget.held()).as("everything given back").isZero();
    }
}
