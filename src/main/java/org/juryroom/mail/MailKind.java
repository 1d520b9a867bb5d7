package org.juryroom.mail;

/** What a message is for; the outbox lists and filters by it. */
public enum MailKind {
    INVITATION,
    PASSWORD_RESET,
    REMINDER,
    ASSIGNMENT,
    RECEIPT,
    RESULT,
    CONSENT_CONFIRMATION,
    CONSENT_RECORDED,
    SAFEGUARDING_ALERT
}
