package org.juryroom.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test bean: every {@link JudgingConsentWithdrawn} the application fires, in order. */
@ApplicationScoped
public class JudgingWithdrawals {

    private final List<JudgingConsentWithdrawn> seen = new CopyOnWriteArrayList<>();

    void on(@Observes JudgingConsentWithdrawn event) {
        seen.add(event);
    }

    public List<JudgingConsentWithdrawn> of(long entryId) {
        return seen.stream().filter(e -> e.entryId() == entryId).toList();
    }
}
