package org.juryroom.judging;

public enum ScorecardStatus {
    /** Being filled in: may be partial, never counted. */
    DRAFT,
    /** Complete and counted in the ranking. */
    SUBMITTED
}
