package org.juryroom.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusal catalogue: English sentences recognised and said in Hindi and Bengali, parts and all. */
class ProblemTextsTest {

    @Test
    void aKnownSentenceIsTranslatedWithItsVaryingPartsTranslatedToo() {
        assertThat(ProblemTexts.localise("Only a DRAFT entry can be changed; this one is SUBMITTED", "bn"))
                .isEqualTo("কেবল খসড়া অবস্থার জমাই বদলানো যায়; এটির অবস্থা: জমা পড়েছে");
        assertThat(ProblemTexts.localise("File 12 does not exist or is not visible to you", "hi"))
                .isEqualTo("फ़ाइल 12 मौजूद नहीं है या आपको नहीं दिखाई जा सकती");
        // The more specific sentence wins over "File {id}".
        assertThat(ProblemTexts.localise("File 7 is waiting for an organiser's privacy review", "bn"))
                .isEqualTo("ফাইল 7 আয়োজকের গোপনীয়তা যাচাইয়ের অপেক্ষায়");
    }

    @Test
    void instantsBecomeDatesInTheCompetitionZoneAndLanguage() {
        String hi = ProblemTexts.localise("Entries can be created and changed only while the competition is OPEN"
                + " and before 2026-03-01T09:00:00Z", "hi");
        assertThat(hi).startsWith("प्रविष्टियाँ केवल तभी").contains("14:30").doesNotContain("2026-03-01T09:00:00Z")
                .contains("मार्च");
        assertThat(ProblemTexts.localise("Submissions are accepted only while the competition is OPEN, from "
                + "2026-01-01T00:00:00Z until 2026-03-01T09:00:00Z", "bn")).contains("মার্চ").doesNotContain("Z");
    }

    @Test
    void englishAndUnknownSentencesStayAsTheyAre() {
        assertThat(ProblemTexts.localise("Only a DRAFT entry can be changed; this one is SUBMITTED", "en"))
                .isEqualTo("Only a DRAFT entry can be changed; this one is SUBMITTED");
        assertThat(ProblemTexts.localise("Something nobody catalogued", "hi")).isEqualTo("Something nobody catalogued");
        assertThat(ProblemTexts.localise(null, "bn")).isNull();
    }
}
