package org.juryroom.common;

import java.util.List;

/**
 * PostgreSQL's "value too long for type character varying(n)" (SQLState 22001): a text passed the
 * request's own checks but not its column. The checks should have said so (lengths are checked on
 * the text as stored, e.g. NFC, {@link NfcText}); this is the net under them, so that a column
 * whose check is missing or counts differently answers 422 instead of 500. The transaction was
 * rolled back: nothing was stored.
 */
public final class TooLongTexts {

    static final String STRING_DATA_RIGHT_TRUNCATION = "22001";

    private TooLongTexts() {
    }

    /** Whether this failure, or anything it wraps, is a text too long for its column. */
    public static boolean is(Throwable failure) {
        return SqlStates.has(failure, STRING_DATA_RIGHT_TRUNCATION);
    }

    public static Problem problem() {
        return new Problem("about:blank", "Unprocessable entity", 422, "A text you sent is too long to be stored;"
                + " nothing was saved: shorten it and try again", List.of(), java.util.Map.of("rule", "text-too-long"));
    }
}
