package org.juryroom.common;

import org.juryroom.i18n.OnePlural;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A count of one reads in the singular in every refusal, as {@code PluralsTest} checks the pages: each sentence
 * of the catalogue (problem_en, _hi, _bn, page wordings included) is rendered with every part at 1, and no
 * "1 jurors", "1 निर्णायकों" or "1টি জমাগুলি" may come out. A sentence whose count cannot be one is listed here
 * with the reason.
 */
class RefusalPluralsTest {

    /** Sentences whose count is never one, and why (each must still read "1 …s" at 1, else it leaves the list). */
    private static final Map<String, String> NEVER_ONE = Map.of(
            "access_one_child", "said only when the entry has more than one child (DataAccessService)",
            "access_one_child.page", "said only when the entry has more than one child (DataAccessService)",
            "x_pdf_pages", "said only when the PDF has more pages than the most accepted (PdfScrubber.MAX_PAGES)",
            "csv_fields", "the expected fields are the header's, at least the two columns every import requires",
            "r_at_most", "the most rounds is a constant above one (RoundRules.MAX_ROUNDS)",
            "comp_retention_years", "the most years is a constant above one (CompetitionService.MAX_RETENTION_YEARS)",
            "name_length", "the most characters is a constant above one (each caller's MAX_NAME)",
            "ft_images", "its part is a list of kinds of image (FileTypes.describe), not a count");

    /** The key suffix of a sentence's singular ("sl_held_one"), said for a count of one instead of the plural. */
    private static final String ONE = "_one";

    @Test
    void aCountOfOneIsSingularInEveryRefusal() {
        List<String> wrong = new ArrayList<>();
        List<String> stale = new ArrayList<>(NEVER_ONE.keySet());
        Properties english = ProblemTexts.catalogue("en");
        for (String language : List.of("en", "hi", "bn")) {
            Properties catalogue = ProblemTexts.catalogue(language);
            assertThat(catalogue.stringPropertyNames()).as(language).hasSizeGreaterThan(300);
            for (String key : catalogue.stringPropertyNames()) {
                if (english.containsKey(key.replace(ProblemTexts.PAGE, "") + ONE)) {
                    continue; // the plural of a sentence with a singular of its own, said for other counts than one
                }
                String text = catalogue.getProperty(key).replaceAll("\\{[A-Za-z0-9_]+}", "1");
                String says = OnePlural.wrong(text, language);
                if (says == null) {
                    continue;
                }
                if (NEVER_ONE.containsKey(key)) {
                    stale.remove(key);
                } else {
                    wrong.add(language + " " + key + ": '" + says + "' in " + text);
                }
            }
        }
        assertThat(wrong).as("refusals that read '1 …s' for a count of one").isEmpty();
        assertThat(stale).as("listed as never one but reading right at one: take them off the list").isEmpty();
        // Plurals are skipped only beside a singular of their own, which is checked as any sentence.
        assertThat(english.stringPropertyNames()).filteredOn(k -> k.endsWith(ONE)).hasSizeGreaterThan(3);
    }

    @Test
    void theCheckTellsOneFromMany() {
        assertThat(OnePlural.wrong("1 ballots of the final jury are missing", "en")).isEqualTo("1 ballots");
        assertThat(OnePlural.wrong("1 assigned scorecards of 1 jurors are missing", "en")).isNotNull();
        assertThat(OnePlural.wrong("Ballots missing: 1; 1 of its files could not be deleted", "en")).isNull();
        assertThat(OnePlural.wrong("दौर 'A' में 1 निर्णायकों के 2 अंक-पत्र", "hi")).isEqualTo("1 निर्णायकों");
        assertThat(OnePlural.wrong("इसकी 1 फ़ाइलें अभी", "hi")).isNotNull();
        assertThat(OnePlural.wrong("कम से कम 1 होना चाहिए; 1 प्रविष्टि है", "hi")).isNull();
        assertThat(OnePlural.wrong("1টি জমাগুলি", "bn")).isNotNull();
        assertThat(OnePlural.wrong("1টি জমা; 1 জন বিচারক", "bn")).isNull();
    }
}
