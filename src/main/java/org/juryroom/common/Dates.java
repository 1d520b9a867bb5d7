package org.juryroom.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/**
 * The dates the app accepts, however they arrive (a JSON moment, a day typed in a page's form): years 1 to 9999.
 * Java reads years up to a billion and PostgreSQL stores none past 294276, so without this bound a far year
 * failed in the database, or in the day's arithmetic, as a server error.
 */
public final class Dates {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    private Dates() {
    }

    public static boolean inRange(Temporal moment) {
        int year = moment instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC).getYear()
                : moment.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A day typed as YYYY-MM-DD; DateTimeException when it is not one, or not in the years the app accepts. */
    public static LocalDate day(String typed) {
        LocalDate day = LocalDate.parse(typed.strip());
        if (!inRange(day)) {
            throw new DateTimeException("year out of range: " + typed);
        }
        return day;
    }
}
