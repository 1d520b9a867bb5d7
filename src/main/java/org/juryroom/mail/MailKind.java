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
    SAFEGUARDING_ALERT;

    /**
     * Whether the sender never gives a message of this kind up: a safeguarding alert tells a lead of a concern
     * about a child, so after the last ordinary attempt it is tried again at the longest wait until SMTP takes it,
     * while its address is still an active lead's (SafeguardingLead#receivesAt)
     * (and the organisers' console and the desk say it has not gone, web/WebRequest#undeliveredAlerts).
     */
    public static boolean retriedUntilSent(String kind) {
        return SAFEGUARDING_ALERT.name().equals(kind);
    }
}
