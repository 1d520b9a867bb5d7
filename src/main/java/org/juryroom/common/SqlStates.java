package org.juryroom.common;

import org.hibernate.JDBCException;

import java.sql.SQLException;

/** The SQLState of a database failure, however deeply the persistence layers wrapped it. */
final class SqlStates {

    private SqlStates() {
    }

    /** Whether this failure, or anything it wraps, is a database error with {@code state}. */
    static boolean has(Throwable failure, String state) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 20; t = t.getCause()) {
            String said = t instanceof JDBCException j ? j.getSQLState()
                    : t instanceof SQLException s ? s.getSQLState() : null;
            if (state.equals(said)) {
                return true;
            }
        }
        return false;
    }
}
