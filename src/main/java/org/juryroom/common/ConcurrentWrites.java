package org.juryroom.common;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the failures that only say another request changed the same rows at the same moment:
 * a stale version, a unique key taken in between, a serialization failure or deadlock, a lock not
 * granted in time. None of them is the client's mistake or a fault of ours; the request changed
 * nothing (its transaction was rolled back) and may simply be repeated, so the answer is 409.
 */
public final class ConcurrentWrites {

    /** unique_violation, exclusion_violation, serialization_failure, deadlock_detected, lock_not_available. */
    static final Set<String> SQL_STATES = Set.of("23505", "23P01", "40001", "40P01", "55P03");

    private ConcurrentWrites() {
    }

    /** Whether this failure, or anything it wraps, is a concurrent write. */
    public static boolean isConflict(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof LockTimeoutException || t instanceof StaleStateException) {
                return true;
            }
            String state = t instanceof JDBCException j ? j.getSQLState()
                    : t instanceof SQLException s ? s.getSQLState() : null;
            if (state != null && SQL_STATES.contains(state)) {
                return true;
            }
        }
        return false;
    }

    public static Problem problem() {
        return new Problem("about:blank", "Conflict", 409, "Another request changed the same data at the same"
                + " moment, so nothing was changed: reload and try again", List.of(), Map.of("retry", true));
    }
}
