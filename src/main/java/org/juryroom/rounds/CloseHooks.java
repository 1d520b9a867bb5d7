package org.juryroom.rounds;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A point in the freeze (the RUBRIC round's close) and the FINAL round's close where race tests hold
 * them, to make a concern arrive exactly then (they install their own bean with QuarkusMock). In
 * production it does nothing.
 */
@ApplicationScoped
public class CloseHooks {

    /** Runs under the competition's exclusive lock, after the held entries were counted and before the ranking or the candidates are read. */
    public void afterHeldCheck(long competitionId) {
        // no-op in production
    }
}
