package org.juryroom.storage;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Points in the write path where fault tests make things fail for real (they install their own
 * bean with QuarkusMock). In production every method does nothing.
 */
@ApplicationScoped
public class StorageHooks {

    /** Runs before each object of an upload is PUT (the PENDING rows are committed). */
    public void beforePut(String key) {
        // no-op in production
    }

    /** Runs inside the transaction that marks {@code fileIds} STORED, after all their objects were PUT. */
    public void whileMarkingStored(List<Long> fileIds) {
        // no-op in production
    }

    /** Runs once the transaction that marked {@code fileIds} STORED has committed, before the upload is answered. */
    public void afterMarkedStored(List<Long> fileIds) {
        // no-op in production
    }
}
