package org.juryroom.storage;

import org.juryroom.common.ProblemException;

import java.util.function.LongFunction;

/**
 * The most bytes an upload may have, and its refusal once it has more, given the bytes seen so
 * far (413 for a size limit, 409 for a quota).
 */
public record ByteLimit(long bytes, LongFunction<ProblemException> refusal) {

    ByteLimit tighter(ByteLimit other) {
        return other.bytes < bytes ? other : this;
    }

    /** Refuses {@code seen} bytes if they are more than the limit. */
    public void check(long seen) {
        if (seen > bytes) {
            throw refusal.apply(seen);
        }
    }
}
