package org.juryroom.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle speaks all three languages alike: each English key exists in hi and bn (but a refusal's
 * page wording, {@code key.page}, which a translation needs only where its own sentence has API words), no
 * translation has a key English lacks, the placeholders of each text are the same in every
 * language, and every English key is used by a template, the Java code or the script.
 */
class BundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path PROBLEMS = RESOURCES.resolve("problems/problem_en.properties");
    private static final List<String> TRANSLATIONS = List.of("hi", "bn");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_]+}|%[A-Za-z]+%");

    @Test
    void everyBundleHasEveryKeyInEveryLanguageAndNoOtherKey() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path en : englishBundles()) {
            Properties english = load(en);
            for (String language : TRANSLATIONS) {
                Path file = translation(en, language);
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties translated = load(file);
                for (String key : english.stringPropertyNames()) {
                    if (en.equals(PROBLEMS) && key.endsWith(".page") && !translated.containsKey(key)) {
                        continue; // a page wording: the translation's own sentence serves where it has no API words
                    }
                    if (!translated.containsKey(key)) {
                        problems.add(file.getFileName() + " lacks " + key);
                    } else if (translated.getProperty(key).isBlank()) {
                        problems.add(file.getFileName() + " has an empty " + key);
                    }
                }
                for (String key : translated.stringPropertyNames()) {
                    if (!english.containsKey(key)) {
                        problems.add(file.getFileName() + " has " + key + ", which English lacks");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void placeholdersAreTheSameInEveryLanguage() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path en : englishBundles()) {
            Properties english = load(en);
            for (String language : TRANSLATIONS) {
                Path file = translation(en, language);
                if (!Files.exists(file)) {
                    continue;
                }
                Properties translated = load(file);
                for (String key : english.stringPropertyNames()) {
                    String text = translated.getProperty(key);
                    if (text != null && !placeholders(english.getProperty(key)).equals(placeholders(text))) {
                        problems.add(file.getFileName() + " " + key + ": " + placeholders(text) + " but English has "
                                + placeholders(english.getProperty(key)));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The language code each translation declares is its own (it becomes {@code <html lang>}). */
    @Test
    void eachLanguageNamesItself() throws IOException {
        for (String language : List.of("en", "hi", "bn")) {
            assertThat(load(MESSAGES.resolve("msg_" + language + ".properties")).getProperty("lang")).isEqualTo(language);
        }
    }

    /**
     * A key is used when a template, a Java class or the script names it, or builds it from a prefix
     * ({@code sg_kind_{c.kind}}, {@code "org_act_" + action}).
     */
    @Test
    void everyEnglishKeyIsUsedSomewhere() throws IOException {
        String sources = usingSources();
        List<String> unused = new ArrayList<>();
        for (Path en : englishBundles()) {
            Properties english = load(en);
            for (String key : english.stringPropertyNames()) {
                // A refusal is matched by its English sentence: common/RefusalCatalogueTest checks those.
                if (!en.equals(PROBLEMS) && !used(key, sources)) {
                    unused.add(en.getFileName() + " " + key);
                }
            }
        }
        assertThat(unused).isEmpty();
    }

    /** The test itself can fail: a made-up key is unused, and a real one is found. */
    @Test
    void theUsageCheckTellsUsedFromUnused() throws IOException {
        String sources = usingSources();
        assertThat(used("login_heading", sources)).isTrue();
        assertThat(used("no_such_key_anywhere", sources)).isFalse();
        assertThat(placeholders("Closes in {days} days, {hours} hours")).containsExactly("{days}", "{hours}");
    }

    /**
     * Bean Validation's own texts: JuryRoom's keys in all three languages with the same placeholders, and every
     * standard constraint the code uses worded in each, English too (Hibernate Validator's own: "must not be null").
     */
    @Test
    void validationMessagesExistInEveryLanguage() throws IOException {
        Properties english = load(RESOURCES.resolve("ValidationMessages.properties"));
        for (String constraint : constraintsUsed()) {
            assertThat(english.getProperty("jakarta.validation.constraints." + constraint + ".message"))
                    .as("en " + constraint).isNotBlank();
        }
        for (String language : TRANSLATIONS) {
            Properties translated = load(RESOURCES.resolve("ValidationMessages_" + language + ".properties"));
            for (String key : english.stringPropertyNames()) {
                assertThat(translated.getProperty(key)).as(language + " " + key).isNotBlank();
                assertThat(placeholders(translated.getProperty(key))).isEqualTo(placeholders(english.getProperty(key)));
            }
            for (String constraint : constraintsUsed()) {
                assertThat(translated.getProperty("jakarta.validation.constraints." + constraint + ".message"))
                        .as(language + " " + constraint).isNotBlank();
            }
        }
    }

    /** Every standard constraint the code uses (by import or by full name): each needs its own hi/bn text. */
    static Set<String> constraintsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("jakarta\\.validation\\.constraints\\.([A-Z]\\w+)").matcher(javaSources());
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).contains("NotBlank", "Size", "DecimalMax");
        return used;
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    static boolean used(String key, String sources) {
        if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(key) + "(?![A-Za-z0-9_])").matcher(sources).find()) {
            return true;
        }
        for (int cut = key.indexOf('_'); cut > 0; cut = key.indexOf('_', cut + 1)) {
            String prefix = key.substring(0, cut + 1);
            // A prefix the code completes: followed by an expression or a closing quote and a concatenation.
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(prefix) + "(\\{|['\"]\\s*\\+)").matcher(sources).find()) {
                return true;
            }
        }
        return false;
    }

    /** Templates, Java (but the bundle interfaces, which declare every key) and the static script. */
    private static String usingSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path root : List.of(RESOURCES.resolve("templates"), Path.of("src/main/java"),
                RESOURCES.resolve("META-INF/resources/static"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (isBundleInterface(f)) {
                        continue;
                    }
                    all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static boolean isBundleInterface(Path f) throws IOException {
        return f.toString().endsWith(".java") && Files.readString(f, StandardCharsets.UTF_8).contains("@MessageBundle");
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The page and mail bundles, and the refusal catalogue (common/ProblemTexts). */
    private static List<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            List<Path> en = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith("_en.properties"))
                    .sorted().toList());
            assertThat(en).isNotEmpty();
            en.add(PROBLEMS);
            return en;
        }
    }

    private static Path translation(Path en, String language) {
        String name = en.getFileName().toString();
        return en.resolveSibling(name.substring(0, name.length() - "en.properties".length()) + language + ".properties");
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
