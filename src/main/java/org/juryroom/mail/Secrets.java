package org.juryroom.mail;

import java.util.regex.Pattern;

/**
 * The secret part of the links in mails (invitation, reset and guardian consent tokens). Organisers read
 * messages in the outbox, but never these: a token read there would let its reader set someone's
 * password, or confirm or withdraw a guardian's consent.
 */
public final class Secrets {

    private static final Pattern TOKEN_IN_LINK = Pattern.compile("(/(?:invite|reset|consent)/)[A-Za-z0-9_-]{16,}");

    private Secrets() {
    }

    public static String mask(String body) {
        return body == null ? null : TOKEN_IN_LINK.matcher(body).replaceAll("$1…");
    }
}
