package org.juryroom.storage;

import org.juryroom.common.ProblemTexts;
import org.juryroom.i18n.Languages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file types JuryRoom can inspect and scrub, with the extensions that may carry each.
 * A category may only allow types from this list: anything else could not be checked.
 */
public final class FileTypes {

    public static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/png", Set.of("png"),
            "image/webp", Set.of("webp"),
            "application/pdf", Set.of("pdf"),
            "video/mp4", Set.of("mp4", "m4v"),
            "video/webm", Set.of("webm"));

    public static final List<String> SUPPORTED = EXTENSIONS.keySet().stream().sorted().toList();

    private FileTypes() {
    }

    public static boolean supported(String mime) {
        return EXTENSIONS.containsKey(mime);
    }

    /** The kinds an organiser chooses for a category, each with its types. */
    public enum Kind {
        IMAGES("images", List.of("image/jpeg", "image/png", "image/webp")),
        PDF("PDF documents", List.of("application/pdf")),
        VIDEO("videos", List.of("video/mp4", "video/webm"));

        public final String plural;
        public final List<String> types;

        Kind(String plural, List<String> types) {
            this.plural = plural;
            this.types = types;
        }
    }

    /** The kind of work a type is (its {@link Kind}); null for a type JuryRoom cannot take. */
    public static Kind kind(String mime) {
        for (Kind k : Kind.values()) {
            if (mime != null && k.types.contains(mime)) { // List.of's contains throws on null
                return k;
            }
        }
        return null;
    }

    /**
     * The type's everyday name in the reader's language ("JPEG", "PDF"; a type JuryRoom cannot take is "another kind
     * of file", "किसी और प्रकार की फ़ाइल"): every name from the problem catalogue ({@code ft_name_*}, {@code ft_other})
     * in en, hi and bn, the one place a type becomes words, so that a page never shows an English name in Hindi.
     */
    public static String name(String mime, String language) {
        return ProblemTexts.word(kind(mime) == null ? "ft_other" : "ft_name_" + mime.substring(mime.indexOf('/') + 1),
                language);
    }

    /** {@link #name(String, String)} in English, as the services say their sentences (common/ProblemTexts). */
    public static String name(String mime) {
        return name(mime, Languages.DEFAULT);
    }

    /** The type as a phrase: "a PNG image", "a PDF document", "another kind of file". */
    public static String phrase(String mime) {
        Kind kind = kind(mime);
        if (kind == null) {
            return name(mime);
        }
        return "a " + name(mime) + switch (kind) {
            case IMAGES -> " image";
            case PDF -> " document";
            case VIDEO -> " video";
        };
    }

    /**
     * What a category accepts in words, by kind in the order of {@link Kind}: "JPEG, PNG or WebP
     * images", "JPEG images or PDF documents".
     */
    public static String describe(Collection<String> types) {
        Map<Kind, List<String>> byKind = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            List<String> names = k.types.stream().filter(types::contains).map(FileTypes::name).toList();
            if (!names.isEmpty()) {
                byKind.put(k, names);
            }
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((k, names) -> parts.add(k == Kind.PDF ? k.plural : or(names) + " " + k.plural));
        return or(parts);
    }

    private static String or(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "no files" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
