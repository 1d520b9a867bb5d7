package org.juryroom.common;

import org.juryroom.i18n.Languages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 */
public final class ProblemTexts {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final int DEPTH = 3;
    /** Parts that are lists joined by ", " and " or ". */
    private static final java.util.Set<String> LISTS = java.util.Set.of("types", "extensions");
    /** Keys that only join a list; never matched as a sentence. */
    private static final String JOIN = "join_";
    private static final Pattern LIST_SEPARATOR = Pattern.compile(", | or ");

    private record Sentence(String key, Pattern english, List<String> params, int literal) {
    }

    private static final List<Sentence> SENTENCES = new ArrayList<>();
    private static final Map<String, Properties> TRANSLATIONS = new HashMap<>();

    static {
        Properties en = load("en");
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith(JOIN)) {
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
            if (!language.equals(Languages.DEFAULT)) {
                TRANSLATIONS.put(language, load(language));
            }
        }
    }

    private ProblemTexts() {
    }

    /** The text in the language, or the English text itself when the catalogue does not know it. */
    public static String localise(String english, String language) {
        Properties target = TRANSLATIONS.get(language);
        if (english == null || target == null) {
            return english;
        }
        return translate(english, language, target, DEPTH, null);
    }

    /** The catalogue keys that say this English text, its parts included (for the test that each key is used). */
    static java.util.Set<String> keys(String english) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        translate(english, "hi", TRANSLATIONS.get("hi"), DEPTH, used);
        return used;
    }

    private static String translate(String text, String language, Properties target, int depth,
                                    java.util.Set<String> used) {
        String date = asDate(text, language);
        if (date != null) {
            return date;
        }
        for (Sentence s : SENTENCES) {
            Matcher m = s.english.matcher(text);
            if (!m.matches()) {
                continue;
            }
            String translated = target.getProperty(s.key);
            if (translated == null) {
                return text;
            }
            if (used != null) {
                used.add(s.key);
            }
            for (int i = 0; i < s.params.size(); i++) {
                String value = m.group(i + 1);
                String local = depth <= 0 ? value : LISTS.contains(s.params.get(i))
                        ? list(value, language, target, depth - 1, used)
                        : translate(value, language, target, depth - 1, used);
                translated = translated.replace("{" + s.params.get(i) + "}", local);
            }
            return translated;
        }
        return text;
    }

    /** "JPEG, PNG or WebP images": each item in the language, the same commas, the language's "or". */
    private static String list(String text, String language, Properties target, int depth, java.util.Set<String> used) {
        String or = target.getProperty(JOIN + "or", "{first} or {last}").replace("{first}", "").replace("{last}", "");
        StringBuilder out = new StringBuilder();
        Matcher m = LIST_SEPARATOR.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(translate(text.substring(at, m.start()), language, target, depth, used));
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
        return out.append(translate(text.substring(at), language, target, depth, used)).toString();
    }

    /** An instant the service wrote as UTC ("2026-03-01T09:00:00Z"): a date and time people read. */
    private static String asDate(String text, String language) {
        if (text.length() < 20 || text.length() > 35 || !Character.isDigit(text.charAt(0)) || !text.endsWith("Z")) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            ZoneId zone = org.juryroom.web.Formats.zone();
            return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzzz", Locale.forLanguageTag(language))
                    .format(instant.atZone(zone));
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
