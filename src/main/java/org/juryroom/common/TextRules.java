package org.juryroom.common;

/**
 * What no text the app accepts may contain, whichever way it arrives (JSON body, form field,
 * query or path parameter, upload file name): the NUL character, which PostgreSQL cannot store,
 * and half of a surrogate pair, which is not a character at all (it would be stored as "?").
 * Checked in one place per way in ({@link StrictJson} for JSON, {@link Csv} for an imported file's fields,
 * {@link TextParams} for the rest).
 */
public final class TextRules {

    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String LONE_SURROGATE = "must not contain an unpaired surrogate (invalid Unicode)";
    /** Said where the app reads bytes as text itself (an imported file, {@link Csv}): U+FFFD stands for bytes that were not UTF-8. */
    public static final String NOT_UTF8 = "has characters that are not UTF-8: save the file as 'CSV UTF-8 (Comma delimited)' and try again";

    private TextRules() {
    }

    /** Why the text is refused, or null when it is acceptable. */
    public static String refusal(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return LONE_SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }
}
