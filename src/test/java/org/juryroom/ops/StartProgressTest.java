package org.juryroom.ops;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Readiness of the start steps (ops/StartSteps): honest while steps run, fail, or are still being handed in. */
class StartProgressTest {

    @Test
    void notReadyBeforeEveryStepIsHandedInEvenWithNothingRunning() {
        StartProgress progress = new StartProgress();
        assertThat(progress.state()).isEqualTo(StartProgress.State.STARTING);
        progress.add("bucket", CompletableFuture.completedFuture(null));
        assertThat(progress.state()).isEqualTo(StartProgress.State.STARTING);
        progress.close();
        assertThat(progress.state()).isEqualTo(StartProgress.State.READY);
        assertThat(progress.whenDone()).isCompleted();
    }

    @Test
    void notReadyWhileAStepRunsAndNamesIt() {
        StartProgress progress = new StartProgress();
        CompletableFuture<Void> migration = new CompletableFuture<>();
        progress.add("schema migration", migration);
        progress.add("bucket", CompletableFuture.completedFuture(null));
        progress.close();
        assertThat(progress.state()).isEqualTo(StartProgress.State.STARTING);
        assertThat(progress.pending()).containsExactly("schema migration");
        assertThat(progress.whenDone()).isNotDone();
        migration.complete(null);
        assertThat(progress.state()).isEqualTo(StartProgress.State.READY);
        assertThat(progress.whenDone()).isCompleted();
    }

    @Test
    void aFailedStepIsNeverReady() {
        StartProgress progress = new StartProgress();
        progress.add("bucket", CompletableFuture.completedFuture(null));
        progress.add("organiser account", CompletableFuture.failedFuture(new IllegalStateException("no password")));
        progress.close();
        assertThat(progress.state()).isEqualTo(StartProgress.State.FAILED);
        assertThat(progress.failed()).contains("organiser account");
        assertThat(progress.whenDone()).isCompletedExceptionally();
    }

    @Test
    void refusesAStepHandedInAfterTheStart() {
        StartProgress progress = new StartProgress();
        progress.close();
        assertThatThrownBy(() -> progress.add("late", new CompletableFuture<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("late");
    }

    /**
     * Steps finish on many threads in a random order while the list is closed among them; one step is held
     * back: not ready (naming it) until it too is done, then ready.
     */
    @RepeatedTest(5)
    void stepsFinishingAroundTheCloseAreReadyOnlyWhenAllAreDone(RepetitionInfo round) throws Exception {
        Random random = new Random(15_000L + round.getCurrentRepetition());
        StartProgress progress = new StartProgress();
        List<CompletableFuture<Void>> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CompletableFuture<Void> step = new CompletableFuture<>();
            steps.add(step);
            progress.add("step " + i, step);
        }
        int held = random.nextInt(steps.size());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i != held) {
                CompletableFuture<Void> step = steps.get(i);
                tasks.add(() -> step.complete(null));
            }
        }
        tasks.add(random.nextInt(tasks.size() + 1), progress::close);
        Collections.shuffle(tasks, random);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (Runnable task : tasks) {
            results.add(pool.submit(() -> {
                go.await();
                assertThat(progress.state()).isEqualTo(StartProgress.State.STARTING);
                task.run();
                return null;
            }));
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> result : results) {
            result.get();
        }
        assertThat(progress.state()).isEqualTo(StartProgress.State.STARTING);
        assertThat(progress.pending()).containsExactly("step " + held);
        assertThat(progress.whenDone()).isNotDone();
        steps.get(held).complete(null);
        assertThat(progress.state()).isEqualTo(StartProgress.State.READY);
        assertThat(progress.whenDone()).isCompleted();
    }
}
