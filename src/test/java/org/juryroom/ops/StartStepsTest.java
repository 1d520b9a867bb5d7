package org.juryroom.ops;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's background start (juryroom.start.background) on real threads inside the test app (whose
 * own start runs the steps inline): not ready, readiness DOWN naming the pending step and the gate
 * holding requests back while a step runs; the scheduler, halted, resumed once every step is done.
 */
@QuarkusTest
class StartStepsTest {

    @Inject
    Scheduler scheduler;

    @Test
    void untilEveryStepIsDoneReadinessIsDownAndRequestsAreHeldThenBothOpen() throws Exception {
        StartSteps steps = new StartSteps(true, false, null, scheduler, () -> CompletableFuture.completedFuture(null));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.pause();
        try {
            steps.begin(null);
            steps.run("held step", () -> {
                ran.countDown();
                held.await();
            });
            steps.runWithoutSchema("quick step", () -> { });
            steps.end(null);
            assertThat(ran.await(30, TimeUnit.SECONDS)).as("the step runs on a thread of its own").isTrue();

            // The quick step runs on a thread of its own too: bounded wait until only the held step is pending.
            long quick = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            HealthCheckResponse starting = steps.call();
            while (!"held step".equals(starting.getData().orElseThrow().get("pending"))) {
                assertThat(System.nanoTime() - quick).as("only the held step stays pending: " + starting.getData())
                        .isNegative();
                Thread.sleep(10);
                starting = steps.call();
            }
            assertThat(starting.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(steps.ready()).isFalse();
            assertThat(StartingGate.holds(steps.ready(), "/api/competitions")).isTrue();
            assertThat(scheduler.isRunning()).as("the jobs wait for the start").isFalse();

            held.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!steps.ready()) { // bounded wait for the step's thread, not a measure of speed
                assertThat(System.nanoTime() - until).as("ready once the held step is done").isNegative();
                Thread.sleep(10);
            }
            assertThat(steps.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(StartingGate.holds(steps.ready(), "/api/competitions")).isFalse();
            assertThat(scheduler.isRunning()).as("the jobs run once the start is done").isTrue();
        } finally {
            held.countDown();
            if (!scheduler.isRunning()) {
                scheduler.resume();
            }
        }
    }

    @Test
    void aFailedStepIsNamedAndNeverReady() throws Exception {
        StartSteps steps = new StartSteps(true, false, null, scheduler, () -> CompletableFuture.completedFuture(null));
        steps.begin(null);
        steps.runWithoutSchema("broken step", () -> {
            throw new IllegalStateException("no bucket");
        });
        // end() is not called: on a failure it stops the app (exit code 2), which would stop this test's app.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (steps.call().getData().orElseThrow().get("failed") == null) {
            assertThat(System.nanoTime() - until).as("the failure is seen").isNegative();
            Thread.sleep(10);
        }
        HealthCheckResponse failed = steps.call();
        assertThat(failed.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(failed.getData().orElseThrow()).containsEntry("failed", "broken step");
        assertThat(steps.ready()).isFalse();
    }

    /**
     * A start the pre-flight checks refuse changes nothing: the bucket step (which needs no schema) waits for
     * their verdict as the migration does, and after a refusal it never runs; after a pass it does.
     */
    @Test
    void noStepRunsBeforeThePreflightVerdictAndNoneAfterARefusal() throws Exception {
        CompletableFuture<String> refusal = new CompletableFuture<>();
        StartSteps refused = new StartSteps(true, false, null, scheduler, () -> refusal);
        AtomicBoolean bucketCreated = new AtomicBoolean();
        refused.begin(null);
        refused.runWithoutSchema("bucket", () -> bucketCreated.set(true));
        refused.run("organiser account", () -> bucketCreated.set(true));
        assertThat(refused.call().getData().orElseThrow().get("pending")).isEqualTo("bucket, organiser account");
        refusal.complete("object store at http://127.0.0.1:1/ is not reachable");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (refused.call().getData().orElseThrow().get("failed") == null) {
            assertThat(System.nanoTime() - until).as("the refusal is seen").isNegative();
            Thread.sleep(10);
        }
        assertThat(bucketCreated).as("nothing was changed").isFalse();
        assertThat(refused.ready()).isFalse();

        CompletableFuture<String> pass = new CompletableFuture<>();
        StartSteps passed = new StartSteps(true, false, null, scheduler, () -> pass);
        CountDownLatch created = new CountDownLatch(1);
        passed.begin(null);
        passed.runWithoutSchema("bucket", created::countDown);
        assertThat(created.getCount()).isEqualTo(1);
        pass.complete(null);
        assertThat(created.await(30, TimeUnit.SECONDS)).as("the bucket step runs once the checks passed").isTrue();
    }
}
