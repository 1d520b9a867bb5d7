package org.juryroom.entry;

public enum EntryStatus {
    /** Being prepared by the school: editable while the competition is open. */
    DRAFT,
    /** Handed in: locked, judged once the competition moves to JUDGING. */
    SUBMITTED,
    /** Taken back by the school before judging: never judged, never published. */
    WITHDRAWN
}
