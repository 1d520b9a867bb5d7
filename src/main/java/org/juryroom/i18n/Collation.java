package org.juryroom.i18n;

import org.juryroom.common.NfcText;

import java.util.Locale;

/**
 * Search and sort of names by the reader's language (the organiser's lists of entries, schools and
 * jurors; the pages pass the request's language): a sort uses the database collation of that language (V33: ICU's {@code bn},
 * {@code hi}, root for English), so Bengali and Devanagari names come in their alphabet's order; a
 * search compares NFC with NFC (names are stored NFC, {@link NfcText}).
 */
public final class Collation {

    private Collation() {
    }

    /** The collation of a language, for HQL's {@code collate(x as NAME)}; English for anything else. */
    public static String of(String language) {
        return "juryroom_" + (Languages.supported(language) ? language : Languages.DEFAULT);
    }

    /** {@code expression} ordered as readers of {@code language} expect, as HQL. */
    public static String ordered(String expression, String language) {
        return "collate(" + expression + " as " + of(language) + ")";
    }

    /**
     * The LIKE pattern of a search for {@code text} anywhere in a lower-cased column: NFC, lower case,
     * and LIKE's own wildcards taken literally (a name with "_" or "%" finds itself, not everything).
     */
    public static String contains(String text) {
        String t = NfcText.nfc(text.strip()).toLowerCase(Locale.ROOT);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
