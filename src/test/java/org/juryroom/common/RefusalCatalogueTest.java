package org.juryroom.common;

import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.EntryStatus;
import org.juryroom.judging.ScorecardStatus;
import org.juryroom.rounds.RoundKind;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.storage.FileTypes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the code can say is in the catalogue (common/ProblemTexts) and reads in Hindi and
 * Bengali with no English word left. The sentences are read from the source by {@link RefusalSources}:
 * a literal as it is, a sentence built with {@code +}, a ternary or {@code String.format} as each of
 * its shapes with a stand-in ("X7") where a value goes; the stand-in must be matched by a catalogue
 * placeholder. A sentence that reaches a refusal through a variable or a helper is read where it
 * starts ({@link RefusalSources#RELAYS}); the call sites that pass such a variable on are listed in
 * {@link #PASSED_ON} with where their sentences come from, and a new one fails until it is listed.
 */
class RefusalCatalogueTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String VALUE = "X7";

    /**
     * What may stay in Latin letters inside a Hindi or Bengali refusal: what a program or a person
     * types exactly (API paths, header and parameter names, media types, quoted field values, the
     * values an API parameter takes) and the names of file formats.
     */
    private static final Pattern CODES = Pattern.compile(String.join("|",
            "(POST|GET|PUT|DELETE) /api/\\S+", "/api", "\\?competitionId=", "'[^']*'",
            "attachment; filename\\*=UTF-8''poster\\.jpg", "application/octet-stream", "multipart/form-data", "multipart",
            "Content-Disposition", "Content-Type", "If-None-Match", "If-Match", "ETag", "HTTP Basic", "HTTP",
            "\\((SCREENING|RUBRIC|FINAL|YES|NO|ABSTAIN|jurorIds|entryIds|seed|moov|IHDR)\\)",
            "OPEN, CLOSED|ALL|QUEUED, SENT|FAILED|status|dryRun|true|false",
            "JSON", "PDF", "JPEG", "PNG", "WebP", "WEBP", "RIFF", "MP4", "WebM", "XFA", "JavaScript", "MiB",
            "SHA-256", "sha-256", "base64", "UTF-8", "NUL", "U\\+0000", "API"));

    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");

    /** Call sites that pass on a sentence made elsewhere: file, expression, where it comes from. */
    private static final Map<String, String> PASSED_ON = Map.ofEntries(
            Map.entry("access/AccountLinks.java|detail", "gone(refusal): the 'String refusal =' relay"),
            Map.entry("access/ApiTokens.java|refusal", "TextRules.refusal: the TextRules constants relay"),
            Map.entry("common/TextParams.java|refusal", "TextRules.refusal: the TextRules constants relay"),
            Map.entry("common/Csv.java|refusal", "TextRules.refusal: the TextRules constants relay"),
            Map.entry("settings/CommissionSettings.java|refusal", "TextRules.refusal: the TextRules constants relay"),
            Map.entry("common/CsvImport.java|e.message()", "LineError messages: the 'new LineError' relay"),
            Map.entry("common/CsvImport.java|v.message()", "Csv's own violations, scanned as 'new Violation'"),
            Map.entry("common/CsvImport.java|v.getMessage()", "Bean Validation: ValidationMessages_*"),
            Map.entry("common/NumberParams.java|message", "the 'new BadParameter' relay"),
            Map.entry("common/NumberParams.java|getMessage()", "name + message of the 'new BadParameter' relay (param_named)"),
            Map.entry("common/Page.java|message", "the 'bad(field, message)' relay"),
            Map.entry("rounds/FinalService.java|p", "Schulze.BallotCheck.problems(): the 'out.add' relay in Schulze"),
            Map.entry("common/Problem.java|ProblemTexts.localise(said.detail, language)", "the translation itself"),
            Map.entry("common/Problem.java|ProblemTexts.onPage(said.detail, language)", "the page wording itself"),
            Map.entry("common/Problem.java|ProblemTexts.onPage(v.message(), language)", "the page wording itself"),
            Map.entry("common/Problem.java|ProblemTexts.localise(v.message(), language)", "the translation itself"),
            Map.entry("common/ProblemMappers.java|v.getMessage()", "Bean Validation: ValidationMessages_*"),
            Map.entry("common/ProblemMappers.java|expected(source)", "the returns of expected(), relayed"),
            Map.entry("common/ProblemMappers.java|oneOf(type)", "the returns of oneOf(), relayed"),
            Map.entry("web/organiser/CompetitionPages.java|ProblemMappers.oneOf(CompetitionStatus.class)",
                    "the returns of oneOf(), relayed"),
            Map.entry("common/ProblemMappers.java|e.getOriginalMessage()", "StrictJson's texts: the TextRules constants"),
            Map.entry("competition/CompetitionService.java|detail", "the 'check(request, detail)' relay"),
            Map.entry("judging/ScorecardService.java|inWords(c, v, given)", "the returns of inWords(), relayed"),
            Map.entry("storage/FileInspector.java|message", "Rejected messages: the 'new Rejected' relay"),
            Map.entry("judging/AssignmentService.java|operation", "the 'requireAssignable' relay"));

    @Test
    void everyRefusalTheCodeSaysReadsInHindiAndBengali() {
        List<String> untranslated = new ArrayList<>();
        for (RefusalSources.Site site : RefusalSources.scan(SOURCES)) {
            if (site.indirect()) {
                continue;
            }
            for (String shape : site.shapes()) {
                String problem = problem(shape.replace(RefusalSources.PART, VALUE));
                if (problem != null) {
                    untranslated.add(site + ": " + problem);
                }
            }
        }
        assertThat(untranslated).isEmpty();
    }

    /** The other way round: each catalogue key still says something the code says (else it is dead). */
    @Test
    void everyCatalogueKeyIsStillSaid() {
        java.util.Set<String> used = new TreeSet<>();
        for (RefusalSources.Site site : RefusalSources.scan(SOURCES)) {
            for (String shape : site.shapes()) {
                used.addAll(ProblemTexts.keys(shape.replace(RefusalSources.PART, VALUE)));
                if (site.call().startsWith("newBadParameter")) {
                    // Its detail is the parameter's name, a space and the message (NumberParams).
                    used.addAll(ProblemTexts.keys(VALUE + " " + shape.replace(RefusalSources.PART, VALUE)));
                }
            }
        }
        words().forEach(word -> used.addAll(ProblemTexts.keys(word)));
        java.util.Set<String> unused = new TreeSet<>(ProblemTexts.english().stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    @Test
    void everySentencePassedOnIsReadWhereItStarts() {
        TreeSet<String> unlisted = new TreeSet<>();
        TreeSet<String> seen = new TreeSet<>();
        for (RefusalSources.Site site : RefusalSources.scan(SOURCES)) {
            if (site.indirect()) {
                String key = site.file().replaceFirst("^org/juryroom/", "") + "|" + site.expression();
                seen.add(key);
                if (!PASSED_ON.containsKey(key)) {
                    unlisted.add(site + " passes on '" + site.expression() + "'");
                }
            }
        }
        assertThat(unlisted).as("say where these sentences come from (a relay) and list them").isEmpty();
        assertThat(seen).as("listed but no longer in the code").containsAll(PASSED_ON.keySet());
    }

    /** The scanner reads built sentences, and the check fails on a sentence that is not catalogued. */
    @Test
    void theScannerAndTheCheckCanTellCoveredFromNot() {
        assertThat(RefusalSources.shapes("\"Entry \" + id + (late ? \" is late\" : \" is \" + status)"))
                .containsExactly("Entry \u0001 is late", "Entry \u0001 is \u0001");
        assertThat(RefusalSources.shapes("String.format(\"%s has %d files\", a, b)"))
                .containsExactly("\u0001 has \u0001 files");
        List<String> args = RefusalSources.arguments("(\"a, (b)\", List.of(x, y))", 1);
        assertThat(args).containsExactly("\"a, (b)\"", "List.of(x, y)");
        assertThat(problem("Nobody ever wrote this refusal")).isNotNull();
        assertThat(problem("Only a DRAFT entry can be submitted; this one is " + VALUE)).isNull();
        // A half-translated sentence is caught too.
        assertThat(problem("Entry X7 is hidden somewhere nobody catalogued")).isNotNull();
    }

    /** The words put into sentences: every status and round kind, every file type and category's types. */
    @Test
    void wordsInsideSentencesAreTranslated() {
        List<String> untranslated = new ArrayList<>();
        for (String word : words()) {
            String problem = problem(word);
            if (problem != null) {
                untranslated.add(problem);
            }
        }
        assertThat(untranslated).isEmpty();
        assertThat(ProblemTexts.localise("x.pdf is a PDF document; the Poster category accepts JPEG, PNG or WebP"
                + " images or PDF documents", "bn")).isEqualTo("x.pdf হলো PDF নথি; Poster বিভাগে নেওয়া হয়: JPEG, PNG"
                + " বা WebP ছবি বা PDF নথি");
    }

    /** Every status, round kind and file type as a word, and every set of types a category can accept in a sentence. */
    private static List<String> words() {
        List<String> words = new ArrayList<>();
        Stream.of(CompetitionStatus.values(), EntryStatus.values(), RoundStatus.values(), RoundKind.values(),
                ScorecardStatus.values()).flatMap(Stream::of).map(e -> ((Enum<?>) e).name()).forEach(words::add);
        FileTypes.SUPPORTED.forEach(t -> words.add(FileTypes.phrase(t)));
        words.add(FileTypes.phrase("application/zip"));
        List<String> types = FileTypes.SUPPORTED;
        for (int subset = 1; subset < 1 << types.size(); subset++) {
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    chosen.add(types.get(i));
                }
            }
            words.add(VALUE + " is a PNG image; the " + VALUE + " category accepts " + FileTypes.describe(chosen));
        }
        words.add(FileTypes.describe(List.of()));
        return words;
    }

    /** The first English word in a Hindi or Bengali text, codes aside; null when there is none. */
    static String englishLeft(String text) {
        java.util.regex.Matcher word = ENGLISH.matcher(CODES.matcher(text).replaceAll(""));
        return word.find() ? word.group() : null;
    }

    /** Null when the English sentence reads in Hindi and Bengali without English words; else what is wrong. */
    static String problem(String english) {
        if (!ENGLISH.matcher(english.replace(VALUE, "")).find()) {
            return null; // nothing to translate ("X7: X7")
        }
        for (String language : List.of("hi", "bn")) {
            String translated = ProblemTexts.localise(english, language);
            if (translated.equals(english)) {
                return "not in the catalogue: " + english;
            }
            if (englishLeft(translated.replace(VALUE, "")) != null) {
                return "English left in " + language + ": " + translated;
            }
        }
        return null;
    }
}
