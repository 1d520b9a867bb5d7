package org.juryroom.ops;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The start-up work the app needs before it can serve but Quarkus' boot need not wait for: the schema
 * migration (when Quarkus does not migrate at start), the bucket, the first organiser, the seal
 * migration, the consent notice, the sign-in decoy. None starts before the pre-flight checks passed
 * ({@link Preflight#verdict()}), so a refused start changes nothing. With {@code juryroom.start.background}
 * (production) each runs on a thread of its own beside the rest of the start, after the migration (the
 * bucket beside it); the readiness check is DOWN until every one is done,
 * and a step that fails stops the app, as it did in the boot. Otherwise each runs at once where it is
 * handed in (embedded mode's demo seed needs them). Either way the scheduler, started halted in
 * production, runs once they are done, so the jobs' first rounds do not compete with the start.
 * ({@code @Default} beside {@code @Readiness}: the start-up observers inject it.)
 */
@Readiness
@Default
@ApplicationScoped
public class StartSteps implements HealthCheck {

    /** A step's work; checked exceptions as the observers that ran it before threw them. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(StartSteps.class);

    private final boolean background;
    private final boolean migrateHere;
    private final Instance<Flyway> flyway;
    private final Scheduler scheduler;
    private final Supplier<CompletableFuture<String>> verdict;
    private final StartProgress progress = new StartProgress();
    private ExecutorService pool;
    /** The pre-flight checks passed: no step changes anything before (a refused start changes nothing). */
    private CompletableFuture<Void> cleared = CompletableFuture.completedFuture(null);
    /** The schema is current: every step that needs the database waits for it. */
    private CompletableFuture<Void> migrated = CompletableFuture.completedFuture(null);
    /** Every step is done: {@link StartingGate} lets requests through. */
    private volatile boolean ready;

    @jakarta.inject.Inject
    public StartSteps(JuryRoomConfig config, @ConfigProperty(name = "quarkus.flyway.migrate-at-start") boolean migrateAtStart,
                      Instance<Flyway> flyway, Scheduler scheduler) {
        this(config.start().background(), !migrateAtStart, flyway, scheduler, Preflight::verdict);
    }

    /** Also for StartStepsTest: production's background mode inside the test app, with a verdict of its own. */
    StartSteps(boolean background, boolean migrateHere, Instance<Flyway> flyway, Scheduler scheduler,
               Supplier<CompletableFuture<String>> verdict) {
        this.background = background;
        this.migrateHere = migrateHere;
        this.flyway = flyway;
        this.scheduler = scheduler;
        this.verdict = verdict;
    }

    // First of the start-up observers: the migration is the step every other one needs.
    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (background) {
            pool = Executors.newFixedThreadPool(3, r -> {
                Thread t = new Thread(r, "start-step");
                t.setDaemon(true);
                return t;
            });
        }
        // A refusal of the pre-flight checks ends the process with its one line (JuryRoomMain): no step runs.
        cleared = verdict.get().thenCompose(problem -> problem != null
                ? CompletableFuture.failedFuture(new IllegalStateException(problem))
                : CompletableFuture.completedFuture(null));
        migrated = cleared;
        if (migrateHere) {
            CompletableFuture<Void> done = cleared.thenCompose(ok -> submit("schema migration", () -> flyway.get().migrate()));
            if (!background) {
                done.join();
            }
            migrated = done;
            progress.add("schema migration", done);
        }
    }

    /** Runs {@code step} now, or (background) on a start-step thread once the schema is current. */
    public void run(String name, Step step) {
        run(name, step, true);
    }

    /**
     * As {@link #run}, for a step that does not touch the database: (background) it starts as soon as the
     * pre-flight checks passed, beside the migration.
     */
    public void runWithoutSchema(String name, Step step) {
        run(name, step, false);
    }

    private void run(String name, Step step, boolean needsSchema) {
        CompletableFuture<Void> after = needsSchema ? migrated : cleared;
        if (!background) {
            after.join();
            perform(name, step);
            return;
        }
        progress.add(name, after.thenCompose(ignored -> submit(name, step)));
    }

    /** Runs {@code then} once every step is done (the start banner). */
    public void whenReady(Runnable then) {
        progress.whenDone().thenRun(then);
    }

    // Last of the start-up observers: every step has been handed in.
    void end(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) StartupEvent event) {
        progress.close().whenComplete((ok, failure) -> {
            if (pool != null) {
                pool.shutdown();
            }
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.error("JuryRoom cannot start: " + progress.failed().orElse("a start step") + ": "
                        + cause.getMessage(), cause);
                Quarkus.asyncExit(2);
            } else {
                ready = true;
                if (!scheduler.isRunning()) {
                    scheduler.resume();
                }
            }
        });
    }

    /** Whether every start step is done (in production, beside the boot). */
    public boolean ready() {
        return ready;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Start-up steps");
        // UP only once requests pass the gate (StartingGate): the flag is set after the last step is done.
        if (ready) {
            return response.up().build();
        }
        return progress.failed().map(step -> response.down().withData("failed", step).build())
                .orElseGet(() -> response.down().withData("pending", String.join(", ", progress.pending())).build());
    }

    private CompletableFuture<Void> submit(String name, Step step) {
        return CompletableFuture.runAsync(() -> {
            // The steps' services may use request-scoped beans, as they could in the boot's observers.
            ManagedContext requests = Arc.container().requestContext();
            requests.activate();
            try {
                perform(name, step);
            } finally {
                requests.terminate();
            }
        }, background ? pool : Runnable::run);
    }

    private static void perform(String name, Step step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed at start-up", e);
        }
    }
}
