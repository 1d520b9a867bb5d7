package org.juryroom.competition;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle: DRAFT → OPEN (schools submit) → JUDGING (jurors score) → FROZEN (shortlist
 * snapshot taken) → PUBLISHED (public). FROZEN is reached only by freezing the shortlist, never
 * by a plain transition, so that no competition is frozen without its snapshot.
 */
public enum CompetitionStatus {
    DRAFT, OPEN, JUDGING, FROZEN, PUBLISHED;

    private static final Map<CompetitionStatus, List<CompetitionStatus>> BY_TRANSITION = Map.of(
            DRAFT, List.of(OPEN),
            OPEN, List.of(JUDGING),
            JUDGING, List.of(),
            FROZEN, List.of(PUBLISHED),
            PUBLISHED, List.of(FROZEN));

    /** The statuses reachable from this one through {@code POST /transitions}. */
    public List<CompetitionStatus> transitions() {
        return BY_TRANSITION.get(this);
    }

    public boolean scoringAllowed() {
        return this == JUDGING;
    }
}
