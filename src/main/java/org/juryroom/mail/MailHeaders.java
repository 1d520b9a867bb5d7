package org.juryroom.mail;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The header values of a mail, as the SMTP server and the reader's mail client must get them. The mail client
 * underneath (Vert.x) passes an ASCII subject through as it is, so a line break in it (a competition title
 * pasted with one) started a header of its own ("Reply-To: …"); and it encodes a subject character by
 * character in UTF-16, so a letter outside the BMP (an emoji in a title) arrived as "??". It also sends an
 * address's domain as typed, so a domain in Devanagari or Bengali (.भारत) went out as raw UTF-8, which a
 * server that did not offer SMTPUTF8 need not accept.
 */
public final class MailHeaders {

    /** RFC 2047: an encoded word is at most 75 characters; "=?UTF-8?B?" and "?=" leave 63 for 45 bytes. */
    private static final int BYTES_PER_WORD = 45;

    private MailHeaders() {
    }

    /** A subject on one line: every run of line breaks and other control characters becomes one space. */
    public static String oneLine(String subject) {
        return subject == null ? null
                : subject.replaceAll(" *[\\p{Cc}\\u2028\\u2029][\\p{Cc}\\u2028\\u2029 ]*", " ").strip();
    }

    /**
     * The Subject header's value: {@link #oneLine} and, unless it is plain ASCII, RFC 2047 encoded words of
     * whole code points (base64), folded, which the mail client passes on unchanged.
     */
    public static String subject(String subject) {
        String line = oneLine(subject);
        // Plain ASCII goes as it is, unless it looks like an encoded word itself (a title "=?UTF-8?B?…?=").
        if (line.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !line.contains("=?")) {
            return line;
        }
        StringBuilder header = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > BYTES_PER_WORD) {
                append(header, word);
                word.setLength(0);
                bytes = 0;
            }
            word.append(ch);
            bytes += size;
            i += Character.charCount(cp);
        }
        append(header, word);
        return header.toString();
    }

    private static void append(StringBuilder header, CharSequence word) {
        if (word.isEmpty()) {
            return;
        }
        if (!header.isEmpty()) {
            header.append("\n "); // folding: the next encoded word on a line of its own
        }
        header.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(word.toString()
                .getBytes(StandardCharsets.UTF_8))).append("?=");
    }

    /**
     * The address SMTP is given: its domain in ASCII (IDNA: शिक्षा.भारत is xn--…), as every server takes it; an
     * address whose domain IDNA refuses is left as it is (the server's answer shows on the Outbox page).
     */
    public static String address(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (domain.chars().allMatch(c -> c < 0x80)) {
            return address;
        }
        try {
            return address.substring(0, at + 1) + IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return address;
        }
    }
}
