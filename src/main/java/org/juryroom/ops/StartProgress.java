package org.juryroom.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which start-up steps are done: ready only once the list is closed (every step has been handed in)
 * and every step has finished without failing. Pure bookkeeping; {@link StartSteps} runs the steps.
 */
final class StartProgress {

    enum State { STARTING, READY, FAILED }

    private record Step(String name, CompletableFuture<?> result) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final CompletableFuture<Void> all = new CompletableFuture<>();
    private boolean closed;

    synchronized void add(String name, CompletableFuture<?> result) {
        if (closed) {
            throw new IllegalStateException("start step '" + name + "' handed in after the start");
        }
        steps.add(new Step(name, result));
    }

    /** No more steps: {@link #whenDone()} completes once every step has (exceptionally if one failed). */
    synchronized CompletableFuture<Void> close() {
        if (!closed) {
            closed = true;
            CompletableFuture.allOf(steps.stream().map(Step::result).toArray(CompletableFuture[]::new))
                    .whenComplete((ok, failure) -> {
                        if (failure == null) {
                            all.complete(null);
                        } else {
                            all.completeExceptionally(failure);
                        }
                    });
        }
        return all;
    }

    CompletableFuture<Void> whenDone() {
        return all;
    }

    synchronized State state() {
        if (failed().isPresent()) {
            return State.FAILED;
        }
        return closed && steps.stream().allMatch(s -> s.result().isDone()) ? State.READY : State.STARTING;
    }

    /** The first step that failed, by the order they were handed in. */
    synchronized Optional<String> failed() {
        return steps.stream().filter(s -> s.result().isCompletedExceptionally()).map(Step::name).findFirst();
    }

    /** The steps still running, by name. */
    synchronized List<String> pending() {
        return steps.stream().filter(s -> !s.result().isDone()).map(Step::name).toList();
    }
}
