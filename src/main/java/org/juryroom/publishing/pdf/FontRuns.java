package org.juryroom.publishing.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a line into runs, each drawn with one face of a fallback list (Latin, Bengali, Devanagari): the
 * first face that has the character. Combining marks, viramas and ZWJ/ZWNJ stay with the run before them, and
 * so do spaces, digits and punctuation the current face has, so that a syllable is never cut between fonts and
 * a shaper sees whole words.
 */
public final class FontRuns {

    /** Characters {@code [start, end)} of the line, drawn with face {@code face}. */
    public record Run(int face, int start, int end) {
    }

    private FontRuns() {
    }

    public static List<Run> split(String text, List<IntPredicate> faces) {
        List<Run> runs = new ArrayList<>();
        int face = -1;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int chosen = face >= 0 && (attaches(cp) || (neutral(cp) && faces.get(face).test(cp))) ? face
                    : firstFace(cp, faces);
            if (chosen != face) {
                if (face >= 0) {
                    runs.add(new Run(face, start, i));
                }
                face = chosen;
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (face >= 0) {
            runs.add(new Run(face, start, text.length()));
        }
        return runs;
    }

    private static int firstFace(int cp, List<IntPredicate> faces) {
        for (int f = 0; f < faces.size(); f++) {
            if (faces.get(f).test(cp)) {
                return f;
            }
        }
        return 0; // nobody has it: the first face draws its "missing" box
    }

    /** Marks and joiners belong to the character before them. */
    private static boolean attaches(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200C || cp == 0x200D;
    }

    /** Spaces, digits and punctuation: any script's font may draw them. */
    private static boolean neutral(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
    }
}
