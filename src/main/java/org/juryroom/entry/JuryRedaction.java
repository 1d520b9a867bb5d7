package org.juryroom.entry;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides words from the text a juror reads. Every term is matched as a whole word or phrase,
 * ignoring case, and replaced by {@value #MARK}; longer terms go first so that "Hill View School"
 * is hidden whole, not as "Hill View █████".
 */
public final class JuryRedaction {

    public static final String MARK = "█████";

    private JuryRedaction() {
    }

    public static String apply(String text, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<String> ordered = terms.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(t -> t))
                .toList();
        String out = text;
        for (String term : ordered) {
            // \b only where the term itself starts or ends with a word character ("St. Xavier's" ends in one).
            String start = Character.isLetterOrDigit(term.codePointAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
            String end = Character.isLetterOrDigit(term.codePointBefore(term.length())) ? "(?![\\p{L}\\p{N}])" : "";
            Pattern p = Pattern.compile(start + Pattern.quote(term) + end,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return out;
    }
}
