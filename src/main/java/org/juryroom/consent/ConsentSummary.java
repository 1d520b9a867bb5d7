package org.juryroom.consent;

import org.juryroom.entry.Entry;
import org.juryroom.entry.Participant;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entry-level consent (the API's {@code consent} object and the {@code consent_*} columns) as a
 * summary of the children's records: a scope holds only while every child's guardian gives it. The one
 * place that computes it; every change to a record calls {@link #apply}.
 */
public final class ConsentSummary {

    private ConsentSummary() {
    }

    /** Recomputes the entry's summary from its participants' records (a child without a record gives nothing). */
    public static void apply(Entry e, List<GuardianConsent> records) {
        Map<Long, GuardianConsent> byParticipant = records.stream().filter(r -> r.participant != null)
                .collect(Collectors.toMap(r -> r.participant.id, Function.identity()));
        e.consentJudging = all(e, byParticipant, GuardianConsent.Scope.judging);
        e.consentPublishWork = all(e, byParticipant, GuardianConsent.Scope.publishWork);
        e.consentPublishNames = all(e, byParticipant, GuardianConsent.Scope.publishName);
    }

    public static void apply(Entry e) {
        apply(e, GuardianConsent.ofEntry(e.id));
    }

    private static boolean all(Entry e, Map<Long, GuardianConsent> records, GuardianConsent.Scope scope) {
        if (e.participants.isEmpty()) {
            return false;
        }
        for (Participant p : e.participants) {
            GuardianConsent r = p.id == null ? null : records.get(p.id);
            if (r == null || !r.active(scope)) {
                return false;
            }
        }
        return true;
    }
}
