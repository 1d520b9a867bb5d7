package org.juryroom.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.entry.JuryRedaction.MARK;
import static org.juryroom.entry.JuryRedaction.apply;

/** The matcher alone: one folded form for text and names, matches mapped back to whole characters. */
class JuryRedactionTest {

    private static final String ZOE_NFD = "Zoe\u0308";
    private static final String ZOE_NFC = "Zo\u00EB";

    @Test
    void wholeWordsIgnoringCaseLongestFirst() {
        assertThat(apply("Hill View School and hill view; Hillview; Devika's device",
                List.of("Hill View", "Hill View School", "Dev", "devika"))).isEqualTo(
                MARK + " and " + MARK + "; Hillview; " + MARK + "'s device");
        assertThat(apply("St. Xavier's rocks", List.of("St. Xavier's"))).isEqualTo(MARK + " rocks");
        assertThat(apply("St. Xavier’s rocks", List.of("St. Xavier's"))).isEqualTo(MARK + " rocks");
        assertThat(apply(null, List.of("x"))).isNull();
        assertThat(apply("nothing here", List.of("", "  "))).isEqualTo("nothing here");
    }

    @ParameterizedTest
    @ValueSource(strings = {ZOE_NFD, ZOE_NFC, "ZOE\u0308", "ZO\u00CB", "zoe\u0308", "zo\u00EB", "Zoe", "ZOE"})
    void aNameIsHiddenInEveryNormalFormAndCase(String written) {
        for (String name : List.of(ZOE_NFD, ZOE_NFC, "ZOË", Normalizer.normalize(ZOE_NFD, Normalizer.Form.NFKD))) {
            String text = "By " + written + ", age 9. " + written + "'s poster.";
            assertThat(apply(text, List.of(name))).as("%s hidden by %s", written, name)
                    .isEqualTo("By " + MARK + ", age 9. " + MARK + "'s poster.");
        }
    }

    @Test
    void trailingMarksAndJoinersGoWithTheName() {
        // Every combining mark after the last letter, and a joiner, belong to the hidden name.
        assertThat(apply("Zoe\u0308\u0301\u200D and me", List.of("zoë"))).isEqualTo(MARK + " and me");
        assertThat(apply("A\u200Bsha wrote", List.of("Asha"))).isEqualTo(MARK + " wrote");
        assertThat(apply("Ａｓｈａ (full width)", List.of("asha"))).isEqualTo(MARK + " (full width)");
        assertThat(apply("Hill\u00A0View  School", List.of("hill view school"))).isEqualTo(MARK);
        // Not a longer word, whatever its marks.
        assertThat(apply("Zoey and Zoë", List.of("Zoe"))).isEqualTo("Zoey and " + MARK);
    }

    @Test
    void bengaliNamesAndTheirInflectedFormsAreHidden() {
        String ananya = "অনন্যা";
        assertThat(apply("আমি অনন্যা। অনন্যার পোস্টার। অনন্যাকে বলো।", List.of(ananya)))
                .isEqualTo("আমি " + MARK + "। " + MARK + " পোস্টার। " + MARK + " বলো।");
        // Decomposed in the text (য় as য + nukta), or with a joiner after the virama.
        String decomposedText = Normalizer.normalize("প্রিয়ার ছবি", Normalizer.Form.NFD);
        assertThat(apply(decomposedText, List.of("প্রিয়া"))).isEqualTo(MARK + " ছবি");
        assertThat(apply("অনন\u200D্যা এসেছে", List.of(ananya))).isEqualTo(MARK + " এসেছে");
        assertThat(apply("অনন্\u200Dযা এসেছে", List.of(ananya))).isEqualTo(MARK + " এসেছে");
        // A consonant-final name takes a vowel sign as its suffix: অমিত + ের.
        assertThat(apply("অমিতের বই", List.of("অমিত"))).isEqualTo(MARK + " বই");
        // Not the middle of another word.
        assertThat(apply("সমিত এসেছে", List.of("মিত"))).isEqualTo("সমিত এসেছে");
    }

    @Test
    void devanagariNamesAndTheirInflectedFormsAreHidden() {
        assertThat(apply("प्रिया को पुरस्कार मिला। प्रियाने लिखा।", List.of("प्रिया")))
                .isEqualTo(MARK + " को पुरस्कार मिला। " + MARK + " लिखा।");
        assertThat(apply("अमितने चित्र बनाया", List.of("अमित"))).isEqualTo(MARK + " चित्र बनाया");
        // क़ (U+0958) and क + nukta are one letter.
        assertThat(apply("रफ़ीक़ आया", List.of("रफ\u093Cीक\u093C"))).isEqualTo(MARK + " आया");
    }

    @Test
    void aPersonFieldHidesTheWholeNameAndEachNameWordButNotTitles() {
        assertThat(JuryRedaction.personName("Ms. Rao, class teacher")).containsExactly("Rao", "Ms. Rao, class teacher");
        assertThat(JuryRedaction.personName("Anita Sharma")).containsExactly("Anita", "Sharma", "Anita Sharma");
        assertThat(JuryRedaction.personName("Class teacher")).isEmpty();
        assertThat(JuryRedaction.personName(null)).isEmpty();
        assertThat(JuryRedaction.personName("শ্রীমতী দাস")).contains("দাস");
        assertThat(apply("Mrs SHARMA helped; our class teacher too.", JuryRedaction.personName("Anita Sharma")))
                .isEqualTo("Mrs " + MARK + " helped; our class teacher too.");
    }

    @Test
    void occursAnyFindsWhatOccursInFindsForEachTerm() {
        // The text is folded once for many terms: the answer must be the same as term by term.
        String text = "Priya\u0301 was ill; অনন্যার খাতা; Dr. Rao";
        List<String> terms = java.util.Arrays.asList("Dev", null, "priya", "অনন্যা", "mit", "rao", "ananya");
        for (String term : terms) {
            assertThat(JuryRedaction.occursAny(text, java.util.stream.Stream.of("nobody", term)))
                    .as(String.valueOf(term)).isEqualTo(term != null && JuryRedaction.occursIn(text, term));
        }
        assertThat(JuryRedaction.occursAny(text, terms.stream())).isTrue();
        assertThat(JuryRedaction.occursAny(text, java.util.stream.Stream.of("Dev", "mit", "ananya"))).isFalse();
        assertThat(JuryRedaction.occursAny("", java.util.stream.Stream.of("a"))).isFalse();
    }
}
