package org.juryroom.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.juryroom.entry.JuryRedaction.MARK;
import static org.juryroom.entry.JuryRedaction.apply;

/**
 * Names written in Bengali and Devanagari (issue 14): accepted by the first-name rule, and hidden by
 * the one matcher ({@link JuryRedaction}) in real sentences, whatever suffix, joiner, mark or normal
 * form the text gives them.
 */
class IndicNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"অনন্যা", "ঋত্বিক", "প্রিয়া", "র\u200D্যাবেয়া", "প্রিয়া\u200C", "प्रिया", "ज्ञानेश",
            "क़ासिम", "श्र\u200Dद्धा", "Zoë", "D'Souza"})
    void theFirstNameRuleAcceptsIndicNamesWithSignsViramasAndJoiners(String name) {
        assertThat(name.matches(EntryRequests.FIRST_NAME)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"অনন্যা দাস", "\u200Dঅনন্যা", "্অনন্যা", "प्रिया2", ""})
    void theFirstNameRuleStillRefusesTwoWordsAndStrayStarts(String name) {
        assertThat(name.matches(EntryRequests.FIRST_NAME)).as(name).isFalse();
    }

    @Test
    void bengaliSentencesHideTheNameWithEverySuffix() {
        List<String> names = List.of("অনন্যা", "ঋত্বিক");
        String text = "অনন্যার আঁকা ছবিটা দেখে ঋত্বিক বলল, অনন্যাকে পুরস্কার দাও। অনন্যাদের স্কুলে ঋত্বিকের বন্ধুরাও এসেছিল।";
        String hidden = apply(text, names);
        assertThat(hidden).isEqualTo(MARK + " আঁকা ছবিটা দেখে " + MARK + " বলল, " + MARK + " পুরস্কার দাও। "
                + MARK + " স্কুলে " + MARK + " বন্ধুরাও এসেছিল।");
        assertNoTrace(hidden, names);
    }

    @Test
    void devanagariSentencesHideTheNameWithPostpositionsAttachedOrApart() {
        List<String> names = List.of("प्रिया", "ज्ञानेश");
        String text = "प्रिया ने यह पोस्टर बनाया। प्रियाने और ज्ञानेशको पुरस्कार मिला; ज्ञानेश की कहानी अच्छी है।";
        String hidden = apply(text, names);
        assertThat(hidden).isEqualTo(MARK + " ने यह पोस्टर बनाया। " + MARK + " और " + MARK + " पुरस्कार मिला; "
                + MARK + " की कहानी अच्छी है।");
        assertNoTrace(hidden, names);
    }

    @Test
    void joinersMarksAndNormalFormsAroundOrInsideTheNameLeaveNothingVisible() {
        String nfd = Normalizer.normalize("প্রিয়া", Normalizer.Form.NFD);
        // The name as stored (NFC) against text in NFD, with ZWNJ before the suffix, a candrabindu after it,
        // a ZWJ inside the conjunct, and a zero-width space inside the name.
        String text = nfd + "\u200Cর ছবি। প্রিয়াঁ এল। প্রি\u200Dয়া গেল। \u200Cপ্রিয়া\u200D এসেছে। প্রি\u200Bয়াকে ডাকো।";
        String hidden = apply(text, List.of("প্রিয়া"));
        assertThat(hidden).isEqualTo(MARK + " ছবি। " + MARK + " এল। " + MARK + " গেল। \u200C" + MARK + " এসেছে। "
                + MARK + " ডাকো।");
        // And the other way round: a name stored decomposed hides the composed text.
        assertThat(apply("প্রিয়ার ছবি", List.of(nfd))).isEqualTo(MARK + " ছবি");
        assertNoTrace(hidden, List.of("প্রিয়া", "প্রি"));
    }

    @Test
    void aSchoolNameInBengaliIsHiddenWithItsCaseEnding() {
        String school = "রামকৃষ্ণ মিশন বিদ্যালয়";
        assertThat(apply("আমরা রামকৃষ্ণ মিশন বিদ্যালয়ের ছাত্রী।", List.of(school))).isEqualTo("আমরা " + MARK + " ছাত্রী।");
        assertThat(apply("हम सरस्वती विद्या मंदिर की छात्राएँ हैं।", List.of("सरस्वती विद्या मंदिर")))
                .isEqualTo("हम " + MARK + " की छात्राएँ हैं।");
    }

    @Test
    void anIndicSuffixGluedToANameEndingInAnotherScriptGoesWithTheName() {
        // The school's name ends in a digit or a Latin letter; the Bengali case ending follows, its vowel
        // sign even attaching to the digit.
        assertThat(apply("আমরা সারদা বিদ্যাপীঠ 2ের ছাত্রী।", List.of("সারদা বিদ্যাপীঠ 2"))).isEqualTo("আমরা " + MARK + " ছাত্রী।");
        assertThat(apply("Riya\u200Cর ছবি, Riyaকে বলো", List.of("Riya"))).isEqualTo(MARK + " ছবি, " + MARK + " বলো");
        // A Latin word after the name is another word, as before.
        assertThat(apply("Riyan and Riya", List.of("Riya"))).isEqualTo("Riyan and " + MARK);
    }

    @Test
    void theMatcherIsTheOneTheErasureAndPublicNamesUse() {
        assertThat(JuryRedaction.occursIn("অনন্যার পোস্টার", "অনন্যা")).isTrue();
        assertThat(JuryRedaction.occursIn(Normalizer.normalize("প্রিয়াকে", Normalizer.Form.NFD), "প্রিয়া")).isTrue();
        assertThat(JuryRedaction.occursIn("সমিত এসেছে", "মিত")).isFalse();
        assertThat(JuryRedaction.fold(Normalizer.normalize("প্রিয়া", Normalizer.Form.NFD)))
                .isEqualTo(JuryRedaction.fold("প্রি\u200Dয়া"));
    }

    /** No letter sequence of any name survives: not its first two characters' base letters even. */
    private static void assertNoTrace(String hidden, List<String> names) {
        String folded = JuryRedaction.fold(hidden);
        for (String name : names) {
            assertThat(folded).as("%s in %s", name, hidden).doesNotContain(JuryRedaction.fold(name));
        }
    }
}
