package org.juryroom.consent;

/**
 * Fired (synchronously, inside the withdrawing transaction) when a guardian's judging consent for an
 * entry is withdrawn: the entry has left judging, and its personal data goes to erasure.
 *
 * @param via GUARDIAN_LINK, SCHOOL or ORGANISER
 */
public record JudgingConsentWithdrawn(long entryId, String via) {
}
