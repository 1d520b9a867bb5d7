package org.juryroom.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests' real SMTP server (GreenMail, started with the stack by {@link RealStack}) has
 * received, read as a mail client would: headers, the plain-text and the HTML part, the links.
 */
public final class Mailbox {

    /** One delivered message; {@code headers}: its header lines as they arrived (folded lines unfolded). */
    public record Delivered(String from, List<String> to, String subject, String contentType, String text,
                            String html, List<String> headers) {

        /** The token of the first link to {@code /invite/…} or {@code /reset/…} in the plain text. */
        public String token(String path) {
            Matcher m = Pattern.compile("https?://[^\\s/]+/" + path + "/([A-Za-z0-9_-]+)").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no /" + path + "/ link in: " + text);
            }
            return m.group(1);
        }
    }

    private Mailbox() {
    }

    /** Every message delivered to {@code address} since the SMTP server last started, oldest first. */
    public static List<Delivered> to(String address) {
        GreenMail smtp = RealStack.services().smtp();
        if (smtp == null) {
            return List.of();
        }
        List<Delivered> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Delivered d = read(message);
            if (d.to().stream().anyMatch(a -> a.equalsIgnoreCase(address))) {
                found.add(d);
            }
        }
        return found;
    }

    private static Delivered read(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Address::toString).map(a -> a.replaceAll(".*<|>.*", "").toLowerCase(Locale.ROOT)).toList();
            String[] parts = new String[2];
            collect(message.getContent(), message.getContentType(), parts);
            return new Delivered(message.getFrom()[0].toString(), to, message.getSubject(), message.getContentType(),
                    parts[0], parts[1], java.util.Collections.list(message.getAllHeaderLines()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** parts[0]: the text/plain part, parts[1]: the text/html part. */
    private static void collect(Object content, String type, String[] parts) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else if (content instanceof String text) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.startsWith("text/plain")) {
                parts[0] = text;
            } else if (lower.startsWith("text/html")) {
                parts[1] = text;
            }
        }
    }
}
