package org.juryroom.common;

import java.sql.SQLException;

/**
 * A failure as a log line may show it where its messages may quote personal data (a database error quotes the
 * row: a child's name, an address): the types of the failure and its causes, outermost first, with a database
 * error's SQLState.
 */
public final class FailureTypes {

    private static final int MAX_LENGTH = 1000;

    private FailureTypes() {
    }

    public static String of(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = failure; t != null && types.length() < MAX_LENGTH; t = t.getCause() == t ? null : t.getCause()) {
            types.append(types.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                types.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return types.toString();
    }
}
