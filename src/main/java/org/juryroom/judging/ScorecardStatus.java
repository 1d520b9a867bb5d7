package org.juryroom.judging;

public enum ScorecardStatus {
    /** Being filled in: may be partial, never counted. */
    DRAFT,
    /** Complete and counted in the ranking. */
    SUBMITTED,
    /** The juror declined to score the entry, with a reason: never counted, and the entry is topped up. */
    ABSTAINED
}
