package org.juryroom.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** Refusals only a program meets (the API's own headers, parameters and bodies): their words are for it. */
    private static final Set<String> API_ONLY = Set.of("sign_in_first", "cross_site", "bad_json", "bad_json_at",
            "content_type", "whole_number", "boolean", "datetime", "list", "nul", "true_false_named",
            "query_competition", "conflict_juror_stats", "concern_status", "outbox_status", "instant_like",
            "sc_if_match", "sc_none_yet", "entry_body", "entry_part_missing", "multipart_malformed", "up_name",
            "up_digest_form", "up_digest_member", "sg_concern_json", "r_field_id", "fin_jury_members",
            "fin_empty_group", "fin_null_id", "consent_scope_bad", "consent_scope_none", "lead_account",
            "comp_seed", "r_remedies", "jury_no_category", "entry_no_category", "audit_action",
            "param_named", "served");
    /** An API path, a status or kind as the API spells it, a JSON field name. */
    private static final Pattern API_WORDS = Pattern.compile("/api|\\b[A-Z][A-Z_]{3,}\\b|\\b[a-z]+[A-Z][A-Za-z]*\\b");
    /** Capitals a person knows: formats and standards. */
    private static final Pattern CODES = Pattern.compile("\\b(JSON|HTTP|JPEG|WEBP|RIFF|IHDR|UTF-8|SHA-256)\\b|WebP|WebM|JavaScript");

    /** Every refusal a page can show reads without the API's words, in every language; byte counts say no "bytes". */
    @Test
    void pageWordingsHaveNoApiWordsInAnyLanguage() {
        List<String> found = new ArrayList<>();
        Properties en = ProblemTexts.catalogue("en");
        for (String language : List.of("en", "hi", "bn")) {
            Properties said = ProblemTexts.catalogue(language);
            for (String key : en.stringPropertyNames()) {
                if (key.endsWith(ProblemTexts.PAGE) || API_ONLY.contains(key)) {
                    continue;
                }
                String text = said.getProperty(key + ProblemTexts.PAGE, said.getProperty(key));
                String words = CODES.matcher(text.replaceAll("\\{[A-Za-z]+}", "").replaceAll("'[^']*'", ""))
                        .replaceAll("");
                if (API_WORDS.matcher(words).find()
                        || text.contains("Bytes}") && text.matches("(?s).*(bytes|बाइट|বাইট).*")) {
                    found.add(language + " " + key + ": " + text);
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(API_ONLY).allMatch(en::containsKey);
    }

    @Test
    void onAPageEnglishTooReadsAsPeopleWriteIt() {
        assertThat(ProblemTexts.onPage("Only a DRAFT entry can be submitted; this one is SUBMITTED", "en"))
                .isEqualTo("Only a draft entry can be submitted; this one is submitted");
        assertThat(ProblemTexts.onPage("Entries can be created and changed only while the competition is OPEN"
                + " and before 2026-03-01T09:00:00Z", "en"))
                .isEqualTo("Entries can be created and changed only while the competition is open for entries and"
                        + " before 1 Mar 2026, 14:30 IST");
        assertThat(ProblemTexts.onPage("This school has 20971520 bytes of files in this competition; adding 1048576"
                + " would pass the limit of 20971520 bytes", "hi")).contains("20 MB", "1 MB").doesNotContain("बाइट");
        assertThat(ProblemTexts.onPage("3 entries in or near the cut have jurors who disagree and no current decision:"
                + " confirm their scores or ask another juror (POST /api/competitions/7/adjudications)", "bn"))
                .doesNotContain("/api").doesNotContain("POST").startsWith("বাছাইয়ের");
        // The API's answer is as it was: English unchanged, the path kept for a program in every language.
        assertThat(ProblemTexts.localise("This school has 20971520 bytes of files in this competition; adding 1048576"
                + " would pass the limit of 20971520 bytes", "hi")).contains("20971520 बाइट");
        assertThat(ProblemTexts.localise("3 entries in or near the cut have jurors who disagree and no current decision:"
                + " confirm their scores or ask another juror (POST /api/competitions/7/adjudications)", "bn"))
                .contains("POST /api/competitions/7/adjudications");
    }
}
