package org.juryroom.entry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A text in the one form redaction compares in, with the way back to the original. The text is
 * cut into units: a base character and everything that attaches to it (combining marks, Indic
 * vowel signs and viramas, joiners ZWJ/ZWNJ and other invisible format characters, Hangul vowel
 * and final jamo). Each unit is folded on its own: NFKC, case-folded, Latin diacritics
 * (U+0300–U+036F) and invisible characters dropped, runs of white space made one space. A match
 * in the folded text that starts and ends on unit boundaries maps back to whole units of the
 * original, so a decomposed "Zoe" + U+0308 is hidden with its mark, and "Zoë", "ZOË", "zoe" all
 * fold alike. Pure; what counts as attached is {@link #attaches}, the one place to grow it.
 */
final class FoldedText {

    final String original;
    final String folded;
    /** Per unit: where it starts and ends in the original, and where its fold starts in {@link #folded}. */
    private final int[] start;
    private final int[] end;
    private final int[] foldStart;
    /** Per folded char: the unit it belongs to. */
    private final int[] unitOf;
    final int units;

    private FoldedText(String original) {
        this.original = original;
        int n = original.length();
        int[] s = new int[n + 1];
        int[] e = new int[n + 1];
        int[] fs = new int[n + 2];
        StringBuilder out = new StringBuilder(n);
        int[] owner = new int[Math.max(16, n * 2)];
        int count = 0;
        int i = 0;
        boolean lastSpace = true; // leading white space folds to nothing
        while (i < n) {
            int j = i + Character.charCount(original.codePointAt(i));
            while (j < n && attaches(original.codePointAt(j))) {
                j += Character.charCount(original.codePointAt(j));
            }
            String unit = original.substring(i, j);
            String f;
            if (Character.isWhitespace(unit.codePointAt(0)) || Character.isSpaceChar(unit.codePointAt(0))) {
                f = lastSpace ? "" : " ";
                lastSpace = true;
            } else {
                f = fold(unit);
                lastSpace = lastSpace && f.isEmpty();
            }
            s[count] = i;
            e[count] = j;
            fs[count] = out.length();
            if (owner.length < out.length() + f.length()) {
                owner = java.util.Arrays.copyOf(owner, Math.max(owner.length * 2, out.length() + f.length()));
            }
            for (int k = 0; k < f.length(); k++) {
                owner[out.length() + k] = count;
            }
            out.append(f);
            count++;
            i = j;
        }
        fs[count] = out.length();
        this.start = s;
        this.end = e;
        this.foldStart = fs;
        this.unitOf = owner;
        this.units = count;
        this.folded = out.toString();
    }

    static FoldedText of(String text) {
        return new FoldedText(text);
    }

    /** The folded form of a whole string (a term): the same folding, unit by unit, trimmed. */
    static String foldAll(String text) {
        return of(text).folded.strip();
    }

    /** What belongs to the character before it rather than starting a unit of its own. */
    static boolean attaches(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.FORMAT -> true;
            // Hangul vowel and final jamo compose with the initial before them.
            default -> cp >= 0x1160 && cp <= 0x11FF;
        };
    }

    static String fold(String unit) {
        String s = Normalizer.normalize(unit, Normalizer.Form.NFKD);
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp >= 0x0300 && cp <= 0x036F || Character.getType(cp) == Character.FORMAT) {
                return;
            }
            kept.appendCodePoint(cp == 0x2019 || cp == 0x02BC ? '\'' : cp);
        });
        return Normalizer.normalize(kept, Normalizer.Form.NFKC);
    }

    /** The unit whose fold starts exactly at {@code foldIndex}, or -1 when it falls inside one. */
    int unitStartingAt(int foldIndex) {
        if (foldIndex >= folded.length()) {
            return -1;
        }
        int u = unitOf[foldIndex];
        return foldStart[u] == foldIndex ? u : -1;
    }

    /** The unit whose fold ends exactly at {@code foldEnd} (exclusive), or -1 when it ends inside one. */
    int unitEndingAt(int foldEnd) {
        if (foldEnd <= 0) {
            return -1;
        }
        int u = unitOf[foldEnd - 1];
        return foldStart[u + 1] == foldEnd ? u : -1;
    }

    /** The unit a folded char belongs to. */
    int unitAt(int foldIndex) {
        return unitOf[foldIndex];
    }

    int start(int unit) {
        return start[unit];
    }

    int end(int unit) {
        return end[unit];
    }

    /** The unit's first character: its base. */
    int base(int unit) {
        return original.codePointAt(start[unit]);
    }

    /** A letter or digit: part of a word, so a name next to it is part of a longer word. */
    boolean isWord(int unit) {
        return unit >= 0 && unit < units && Character.isLetterOrDigit(base(unit));
    }
}
