package org.juryroom.storage;

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

    /** What people call each type, and the kind of work it is: the one place a type becomes words. */
    private record Named(String name, Kind kind) {
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

    private static final Map<String, Named> NAMES = Map.of(
            "image/jpeg", new Named("JPEG", Kind.IMAGES),
            "image/png", new Named("PNG", Kind.IMAGES),
            "image/webp", new Named("WebP", Kind.IMAGES),
            "application/pdf", new Named("PDF", Kind.PDF),
            "video/mp4", new Named("MP4", Kind.VIDEO),
            "video/webm", new Named("WebM", Kind.VIDEO));

    /** The kind of work a type is; null for a type JuryRoom cannot take. */
    public static Kind kind(String mime) {
        Named n = NAMES.get(mime);
        return n == null ? null : n.kind();
    }

    /** The type's everyday name ("JPEG", "PDF"); a type JuryRoom cannot take is "another kind of file". */
    public static String name(String mime) {
        Named n = NAMES.get(mime);
        return n == null ? "another kind of file" : n.name();
    }

    /** The type as a phrase: "a PNG image", "a PDF document", "another kind of file". */
    public static String phrase(String mime) {
        Named n = NAMES.get(mime);
        if (n == null) {
            return name(mime);
        }
        return "a " + n.name() + switch (n.kind()) {
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
