package org.juryroom.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that requests may hold in memory together: a reservation either fits whole or is refused, and the
 * total never exceeds the limit, not even for a moment, however many threads reserve and release at once.
 */
final class ReadAheadBudget {

    private final long limit;
    private final AtomicLong held = new AtomicLong();

    ReadAheadBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** Takes {@code bytes} (1 or more) if they fit beside what is held; false, taking nothing, if not. */
    boolean reserve(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive: " + bytes);
        }
        long now;
        do {
            now = held.get();
            if (bytes > limit - now) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    /**
     * Gives back what one successful {@link #reserve} took. False if that was more than is held (a bug): the
     * total is then left at zero rather than below it, and nothing is thrown, as this runs on an IO thread.
     */
    boolean release(long bytes) {
        long after = held.addAndGet(-bytes);
        if (after < 0) {
            held.accumulateAndGet(0, Math::max);
            return false;
        }
        return true;
    }

    long held() {
        return held.get();
    }
}
