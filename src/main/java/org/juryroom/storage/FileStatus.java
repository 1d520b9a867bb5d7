package org.juryroom.storage;

public enum FileStatus {
    /** Row written, object not yet confirmed in the store: never served. */
    PENDING,
    /** Object confirmed with its size and SHA-256. */
    STORED
}
