package org.juryroom.web.organiser;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log's words: the same keys in every language, Hindi and Bengali in their own scripts. */
class AuditWordsTest {

    /** Latin letters a Hindi or Bengali audit word may keep: names of formats and of a hash. */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final Set<String> KEPT_AS_THEY_ARE = Set.of("SHA-256");

    @Test
    void everyLanguageHasTheSameWords() {
        Set<String> english = keys("en");
        assertThat(english).hasSizeGreaterThan(100);
        assertThat(keys("hi")).isEqualTo(english);
        assertThat(keys("bn")).isEqualTo(english);
    }

    @Test
    void hindiAndBengaliWordsAreInTheirOwnScripts() {
        for (String language : new String[] {"hi", "bn"}) {
            ResourceBundle words = AuditWords.bundle(language);
            for (String key : words.keySet()) {
                String text = words.getString(key).replaceAll("\\{\\d}", "");
                if (!KEPT_AS_THEY_ARE.contains(text)) {
                    assertThat(LATIN.matcher(text).find()).as(language + " " + key + " = " + text).isFalse();
                }
            }
        }
    }

    @Test
    void aStatusChangeAndAFileReadInHindiAndBengali() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var before = json.readTree("{\"status\":\"DRAFT\",\"consent\":{\"publishWork\":false}}");
        var after = json.readTree("{\"status\":\"SUBMITTED\",\"consent\":{\"publishWork\":true}}");
        assertThat(AuditChanges.describe("ENTRY_SUBMITTED", before, after, AuditWords.of("hi")))
                .containsExactly("स्थिति: मसौदा → जमा", "सहमति: (कृति प्रकाशित करना नहीं) → (कृति प्रकाशित करना हाँ)");
        assertThat(AuditChanges.describe("ENTRY_SUBMITTED", before, after, AuditWords.of("bn")))
                .containsExactly("অবস্থা: খসড়া → জমা দেওয়া", "সম্মতি: (কাজ প্রকাশ না) → (কাজ প্রকাশ হ্যাঁ)");
        var file = json.readTree("{\"name\":\"poster.png\",\"contentType\":\"image/png\",\"size\":2048}");
        assertThat(AuditChanges.describe("FILE_ADDED", null, file, AuditWords.of("bn")))
                .containsExactly("poster.png: PNG ছবি, 2 KB যোগ করা হয়েছে");
        // A guardian's consent scopes and a conflict's route are recorded as text: they read in words too.
        var scopes = json.readTree("{\"scopes\":[\"judging\",\"publishWork\"],\"via\":\"competition 12\"}");
        assertThat(AuditChanges.describe("CONSENT_RECORDED", null, scopes, AuditWords.of("hi")))
                .containsExactly("किस बात की सहमति: मूल्यांकन, कृति का प्रकाशन", "किसके माध्यम से: प्रतियोगिता 12");
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsShownAsItIs() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(AuditChanges.describe("ENTRY_UPDATED", json.readTree("{\"title\":\"Plan {2}\"}"),
                json.readTree("{\"title\":\"Plan B\"}"), AuditWords.of("en")))
                .containsExactly("Title: Plan {2} → Plan B");
    }

    @Test
    void aNameNoBundleHasYetReadsAsWordsNotAsCode() throws Exception {
        var after = new ObjectMapper().readTree("{\"someNewField\":\"SOME_NEW_STATE\"}");
        assertThat(AuditChanges.describe("X", null, after, AuditWords.of("en")))
                .containsExactly("Some new field: Some new state");
        assertThat(AuditWords.of("xx").label("title")).isEqualTo("Title");
    }

    private static Set<String> keys(String language) {
        return new TreeSet<>(AuditWords.bundle(language).keySet());
    }
}
