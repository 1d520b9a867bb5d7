package org.juryroom.rounds;

/** PENDING (editable) → OPEN (work assigned; no longer editable) → CLOSED (its outcome is fixed). */
public enum RoundStatus {
    PENDING, OPEN, CLOSED
}
