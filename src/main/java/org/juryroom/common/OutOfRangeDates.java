package org.juryroom.common;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's "timestamp out of range" (SQLState 22008, datetime field overflow): a moment Java reads
 * (years up to a billion) but the database cannot hold (none past 294276, none before 4713 BC). Every
 * moment the app takes is held to the years 1 to 9999 ({@link Dates#inRange}) where it arrives; this is
 * the net under those checks, so that one that is missing answers 422, not 500. The transaction was
 * rolled back: nothing was changed.
 */
public final class OutOfRangeDates {

    static final String DATETIME_FIELD_OVERFLOW = "22008";

    private OutOfRangeDates() {
    }

    /** Whether this failure, or anything it wraps, is a moment the database cannot hold. */
    public static boolean is(Throwable failure) {
        return SqlStates.has(failure, DATETIME_FIELD_OVERFLOW);
    }

    public static Problem problem() {
        return new Problem("about:blank", "Unprocessable entity", 422, "A date you sent is outside the years 1 to"
                + " 9999; nothing was changed: correct it and try again", List.of(), Map.of("rule", "date-out-of-range"));
    }
}
