package org.juryroom.entry;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hides words from the text a juror reads. Text and terms are compared in one form
 * ({@link FoldedText}: NFKC, case-folded, Latin diacritics and invisible joiners ignored), so a name
 * is found whatever normal form, case or accents either was typed in; each match is replaced in the
 * original text, whole characters with their marks, by {@value #MARK}. A term matches as a whole
 * word or phrase (a word boundary is checked only where the term itself starts or ends with a
 * letter or digit, as in "St. Xavier's"). Overlapping matches merge, so "Hill View School" is
 * hidden whole even when "Hill View" is a term too.
 *
 * <p>Names in scripts that inflect by suffix ({@link #SUFFIXING}, the Brahmic scripts of India:
 * অনন্যার is অনন্যা + র, अमितने is अमित + ने) are hidden to the end of the word they start, so the
 * stem never shows; the suffix goes with it.
 */
public final class JuryRedaction {

    public static final String MARK = "█████";

    /** Scripts whose words carry case and postposition suffixes attached to the name. */
    static final Set<UnicodeScript> SUFFIXING = EnumSet.of(UnicodeScript.BENGALI, UnicodeScript.DEVANAGARI,
            UnicodeScript.GURMUKHI, UnicodeScript.GUJARATI, UnicodeScript.ORIYA, UnicodeScript.TAMIL,
            UnicodeScript.TELUGU, UnicodeScript.KANNADA, UnicodeScript.MALAYALAM, UnicodeScript.SINHALA);

    /** Words in a person's name field that name nobody: titles and roles ("Ms. Rao, class teacher"). */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme",
            "teacher", "class", "head", "principal", "headmaster", "headmistress", "coordinator", "contact",
            "the", "of", "and", "sri", "shri", "smt", "kumari", "sr", "jr");

    private JuryRedaction() {
    }

    public static String apply(String text, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        FoldedText folded = FoldedText.of(text);
        List<int[]> ranges = new ArrayList<>();
        for (String term : terms) {
            if (term != null) {
                ranges.addAll(matches(folded, term));
            }
        }
        if (ranges.isEmpty()) {
            return text;
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        int i = 0;
        while (i < ranges.size()) {
            int from = ranges.get(i)[0];
            int to = ranges.get(i)[1];
            for (i++; i < ranges.size() && ranges.get(i)[0] < to; i++) {
                to = Math.max(to, ranges.get(i)[1]);
            }
            out.append(text, at, from).append(MARK);
            at = to;
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Whether the term occurs in the text as {@link #apply} would hide it (the one name matcher). */
    public static boolean occursIn(String text, String term) {
        return text != null && term != null && !matches(FoldedText.of(text), term).isEmpty();
    }

    /** Whether any of the terms occurs in the text: the text is folded once, however many terms are read. */
    public static boolean occursAny(String text, java.util.stream.Stream<String> terms) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        FoldedText folded = FoldedText.of(text);
        return terms.anyMatch(term -> term != null && !matches(folded, term).isEmpty());
    }

    /** The form names are compared in (see {@link FoldedText}): for equality checks elsewhere. */
    public static String fold(String text) {
        return FoldedText.foldAll(text);
    }

    /** Where a term occurs in the text: [start, end) ranges of the original. */
    static List<int[]> matches(FoldedText text, String term) {
        String t = FoldedText.foldAll(term);
        if (t.isEmpty()) {
            return List.of();
        }
        boolean wordStart = Character.isLetterOrDigit(t.codePointAt(0));
        int lastCp = t.codePointBefore(t.length());
        boolean wordEnd = Character.isLetterOrDigit(lastCp);
        UnicodeScript script = UnicodeScript.of(lastCp);
        boolean suffixes = SUFFIXING.contains(script);
        List<int[]> found = new ArrayList<>();
        for (int at = text.folded.indexOf(t); at >= 0; at = text.folded.indexOf(t, at + 1)) {
            int first = text.unitStartingAt(at);
            if (first < 0 || wordStart && text.isWord(first - 1)) {
                continue;
            }
            int last = text.unitEndingAt(at + t.length());
            // A suffix of an Indic script glued to a name of any script ("School 2" + ের): it goes with the name.
            boolean glued = last < 0 || text.isWord(last + 1) && SUFFIXING.contains(UnicodeScript.of(text.base(last + 1)));
            if (suffixes || glued) {
                // The match may end inside a unit (a vowel sign added by the suffix): run to the word's end.
                last = text.unitAt(at + t.length() - 1);
                while (text.isWord(last + 1) && (suffixes ? inScript(text, last + 1, script)
                        : SUFFIXING.contains(UnicodeScript.of(text.base(last + 1))))) {
                    last++;
                }
            } else if (wordEnd && text.isWord(last + 1)) {
                continue;
            }
            found.add(new int[]{text.start(first), text.end(last)});
        }
        return found;
    }

    private static boolean inScript(FoldedText text, int unit, UnicodeScript script) {
        return UnicodeScript.of(text.base(unit)) == script;
    }

    /**
     * The terms that hide a person named in a free-text field (a teacher, a contact): the whole
     * field, and each word of it but titles and roles, so "Mrs Sharma" in a statement is hidden by
     * "Anita Sharma". A field of titles only ("Class teacher") names nobody and hides nothing.
     */
    public static List<String> personName(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : field.split("[^\\p{L}\\p{M}\\p{N}'’\\-\\p{Cf}]+")) {
            String w = word.replaceAll("^['’\\-]+|['’\\-]+$", "");
            String f = FoldedText.foldAll(w);
            if (f.codePointCount(0, f.length()) >= 2 && !TITLES.contains(f)) {
                terms.add(w);
            }
        }
        if (!terms.isEmpty()) {
            terms.add(field.strip());
        }
        return List.copyOf(terms);
    }
}
