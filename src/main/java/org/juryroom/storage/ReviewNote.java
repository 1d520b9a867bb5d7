package org.juryroom.storage;

/**
 * Why intake held a file for an organiser's privacy check. The text is what the file's row keeps and the API
 * returns; pages show the reason in the reader's language by its kind ({@link #of}), and any other note (one an
 * operator wrote into the database) as written.
 */
public enum ReviewNote {
    FRAGMENTED_MP4("fragmented MP4: user-data boxes could not be removed safely"),
    LARGE_MP4_HEADER("MP4 movie header larger than 16 MiB", "MP4 movie header larger than 64 MiB"),
    BEFORE_SCRUBBING("uploaded before metadata scrubbing existed");

    public final String text;
    /** What earlier versions wrote for the same kind (the limit was 64 MiB before session 17). */
    private final java.util.List<String> earlier;

    ReviewNote(String text, String... earlier) {
        this.text = text;
        this.earlier = java.util.List.of(earlier);
    }

    /** The kind of a kept note, or null for a note intake did not write. */
    public static ReviewNote of(String text) {
        if (text == null) {
            return null;
        }
        for (ReviewNote n : values()) {
            if (n.text.equals(text) || n.earlier.contains(text)) {
                return n;
            }
        }
        return null;
    }
}
