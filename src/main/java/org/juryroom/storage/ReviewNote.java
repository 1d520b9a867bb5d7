package org.juryroom.storage;

/**
 * Why intake held a file for an organiser's privacy check. The text is what the file's row keeps and the API
 * returns; pages show the reason in the reader's language by its kind ({@link #of}), and any other note (one an
 * operator wrote into the database) as written.
 */
public enum ReviewNote {
    FRAGMENTED_MP4("fragmented MP4: user-data boxes could not be removed safely"),
    LARGE_MP4_HEADER("MP4 movie header larger than 16 MiB"),
    BEFORE_SCRUBBING("uploaded before metadata scrubbing existed");

    public final String text;

    ReviewNote(String text) {
        this.text = text;
    }

    /** The kind of a kept note, or null for a note intake did not write. */
    public static ReviewNote of(String text) {
        for (ReviewNote n : values()) {
            if (n.text.equals(text)) {
                return n;
            }
        }
        return null;
    }
}
