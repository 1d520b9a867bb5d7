package org.juryroom.mail;

/** A rendered message: subject, plain-text part and HTML part. */
public record Letter(String subject, String text, String html) {
}
