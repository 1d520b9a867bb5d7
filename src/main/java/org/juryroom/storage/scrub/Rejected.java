package org.juryroom.storage.scrub;

/**
 * The file's content breaks an intake rule or cannot be read as its type: the upload is refused
 * (422) with this message and the rule's name, and nothing is stored.
 */
public class Rejected extends RuntimeException {

    private final String rule;

    public Rejected(String message) {
        this("unreadable", message);
    }

    public Rejected(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A short stable name of the rule that failed, e.g. {@code pdf-javascript}, {@code pixel-limit}. */
    public String rule() {
        return rule;
    }
}
