package org.juryroom.common;

import org.juryroom.i18n.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusals people read, in their language. The services state a refusal in English (stable,
 * greppable, what logs and tests see); this catalogue ({@code problems/problem_en.properties}, one
 * line per sentence, {@code {name}} for what varies) recognises each English sentence and gives it
 * in Hindi or Bengali ({@code problem_hi}, {@code problem_bn}), the varying parts translated in turn
 * (an entry status, a "File 12") and instants written as dates. A part named {@code {types}} or
 * {@code {extensions}} is a list ("JPEG, PNG or WebP images or PDF documents"): each item is translated
 * and the list joined with the language's "or" ({@code join_or}). One place for every refusal, API
 * and pages alike; a sentence not in the catalogue stays English. Problem titles and types are never
 * translated (they are for programs). {@code RefusalCatalogueTest} fails when the code says a refusal
 * that is not here.
 * <p>
 * A person on a page reads the same refusal {@link #onPage}: in English too, never the API's words. Where a
 * sentence names an API path, a JSON field or a status as the API spells it, the catalogue has its page
 * wording under the key with {@code .page} ({@code sl_disagree.page}) in each language whose own wording
 * has such words (else that language's wording serves both); statuses and kinds become words ({@code w_*},
 * in English too), instants a date in the competition's zone and a part named {@code ...Bytes} a size
 * ("20 MB"), as the pages write them ({@code web/Formats}). The API's answer is not changed by any of this.
 */
public final class ProblemTexts {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final int DEPTH = 3;
    /** Parts that are lists joined by ", " and " or ". */
    private static final java.util.Set<String> LISTS = java.util.Set.of("types", "extensions");
    /** Keys that only join a list; never matched as a sentence. */
    private static final String JOIN = "join_";
    /** The suffix of a sentence's page wording (in the same language file). */
    static final String PAGE = ".page";
    /** A part whose name ends so is a count of bytes, written as a size on a page. */
    private static final String BYTES = "Bytes";
    private static final Pattern LIST_SEPARATOR = Pattern.compile(", | or ");

    private record Sentence(String key, Pattern english, List<String> params, int literal) {
    }

    private static final List<Sentence> SENTENCES = new ArrayList<>();
    /** Every language's catalogue, English included (its page wordings). */
    private static final Map<String, Properties> CATALOGUES = new HashMap<>();

    static {
        Properties en = load("en");
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith(JOIN) || key.endsWith(PAGE)) {
                continue;
            }
            String text = en.getProperty(key);
            StringBuilder regex = new StringBuilder();
            List<String> params = new ArrayList<>();
            Matcher m = PARAM.matcher(text);
            int at = 0;
            while (m.find()) {
                regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.+?)");
                params.add(m.group(1));
                at = m.end();
            }
            regex.append(Pattern.quote(text.substring(at)));
            SENTENCES.add(new Sentence(key, Pattern.compile(regex.toString(), Pattern.DOTALL), params,
                    text.length() - params.stream().mapToInt(p -> p.length() + 2).sum()));
        }
        // The most specific sentence first: "File {id}" must not swallow what "File {id} is waiting…" says.
        SENTENCES.sort(Comparator.comparingInt(Sentence::literal).reversed().thenComparing(Sentence::key));
        for (String language : Languages.SUPPORTED) {
            CATALOGUES.put(language, language.equals(Languages.DEFAULT) ? en : load(language));
        }
    }

    private ProblemTexts() {
    }

    /**
     * The text in the language, as the API answers it, or the English text itself when the catalogue does
     * not know it (and always in English: the API's English is its contract).
     */
    public static String localise(String english, String language) {
        if (english == null || Languages.DEFAULT.equals(language) || !CATALOGUES.containsKey(language)) {
            return english;
        }
        return translate(english, new Reader(language, CATALOGUES.get(language), false), DEPTH, null);
    }

    /**
     * The text as a person reads it on a page, in the language (English too): the page wording where the
     * API's has developer words, statuses as words, instants as dates and byte counts as sizes. A sentence
     * the catalogue does not know stays as it is.
     */
    public static String onPage(String english, String language) {
        if (english == null) {
            return null;
        }
        String known = CATALOGUES.containsKey(language) ? language : Languages.DEFAULT;
        return translate(english, new Reader(known, CATALOGUES.get(known), true), DEPTH, null);
    }

    /**
     * A list of kinds of file as {@code FileTypes.describe} says it ("JPEG, PNG or WebP images") on a page, in the
     * language: each item in its words and the language's "or", as a refusal's {@code {types}} part is written.
     */
    public static String typesOnPage(String english, String language) {
        String known = CATALOGUES.containsKey(language) ? language : Languages.DEFAULT;
        return list(english, new Reader(known, CATALOGUES.get(known), true), DEPTH, null);
    }

    /**
     * One word of the catalogue as it is, in the language (English when the language is not one JuryRoom speaks): a
     * file type's name ({@code ft_name_jpeg}), for the code that puts it on a page itself.
     */
    public static String word(String key, String language) {
        Properties catalogue = CATALOGUES.getOrDefault(language, CATALOGUES.get(Languages.DEFAULT));
        String word = catalogue.getProperty(key);
        if (word == null) {
            throw new IllegalArgumentException("The problem catalogue has no " + key);
        }
        return word;
    }

    /** The catalogue keys that say this English text, its parts included (for the test that each key is used). */
    static java.util.Set<String> keys(String english) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        translate(english, new Reader("hi", CATALOGUES.get("hi"), false), DEPTH, used);
        return used;
    }

    /** The language's catalogue, English included, for the test of the page wordings. */
    static Properties catalogue(String language) {
        return CATALOGUES.get(language);
    }

    /** Who reads: the language, its catalogue, and whether on a page (page wordings, sizes, English dates). */
    private record Reader(String language, Properties target, boolean page) {

        String wording(String key) {
            String text = target.getProperty(key);
            return page ? target.getProperty(key + PAGE, text) : text;
        }
    }

    private static String translate(String text, Reader reader, int depth, java.util.Set<String> used) {
        String date = asDate(text, reader.language());
        if (date != null) {
            return date;
        }
        for (Sentence s : SENTENCES) {
            Matcher m = s.english.matcher(text);
            if (!m.matches()) {
                continue;
            }
            String translated = reader.wording(s.key);
            if (translated == null) {
                return text;
            }
            if (used != null) {
                used.add(s.key);
                if (CATALOGUES.get(Languages.DEFAULT).containsKey(s.key + PAGE)) {
                    used.add(s.key + PAGE);
                }
            }
            for (int i = 0; i < s.params.size(); i++) {
                String name = s.params.get(i);
                String value = m.group(i + 1);
                String local = reader.page() && name.endsWith(BYTES) ? size(value)
                        : depth <= 0 ? value : LISTS.contains(name)
                        ? list(value, reader, depth - 1, used)
                        : translate(value, reader, depth - 1, used);
                translated = translated.replace("{" + name + "}", local);
            }
            return translated;
        }
        return text;
    }

    /** "JPEG, PNG or WebP images": each item in the language, the same commas, the language's "or". */
    private static String list(String text, Reader reader, int depth, java.util.Set<String> used) {
        String or = reader.target().getProperty(JOIN + "or", "{first} or {last}").replace("{first}", "")
                .replace("{last}", "");
        StringBuilder out = new StringBuilder();
        Matcher m = LIST_SEPARATOR.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(translate(text.substring(at, m.start()), reader, depth, used));
            if (m.group().equals(", ")) {
                out.append(", ");
            } else {
                out.append(or);
                if (used != null) {
                    used.add(JOIN + "or");
                }
            }
            at = m.end();
        }
        return out.append(translate(text.substring(at), reader, depth, used)).toString();
    }

    /** A count of bytes as a size people read ("20 MB"), as the pages write sizes. */
    private static String size(String bytes) {
        try {
            return org.juryroom.web.Formats.bytes(Long.parseLong(bytes));
        } catch (NumberFormatException notACount) {
            return bytes;
        }
    }

    /**
     * An instant the service wrote as UTC ("2026-03-01T09:00:00Z"): a date and time people read, in the
     * competition's zone, as the pages write times ({@code Formats.when}).
     */
    private static String asDate(String text, String language) {
        if (text.length() < 20 || text.length() > 35 || !Character.isDigit(text.charAt(0)) || !text.endsWith("Z")) {
            return null;
        }
        try {
            return org.juryroom.web.Formats.when(Instant.parse(text), language);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** The English sentences, for the test that each is still said somewhere in the code. */
    static Properties english() {
        return load("en");
    }

    private static Properties load(String language) {
        String path = "problems/problem_" + language + ".properties";
        Properties p = new Properties();
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
