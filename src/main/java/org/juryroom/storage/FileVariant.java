package org.juryroom.storage;

/** Which of a file's objects a download serves. */
public enum FileVariant {
    /** Metadata removed: what jurors, the UI and the public get. */
    CLEAN,
    /** The sealed upload as it arrived: organisers only, for disputes. */
    ORIGINAL,
    /** A small JPEG made from the clean copy. */
    THUMBNAIL
}
