package org.juryroom.storage;

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
}
