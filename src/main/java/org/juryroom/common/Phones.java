package org.juryroom.common;

/** Phone numbers as people write them: digits, spaces, an optional leading +, dashes and brackets. */
public final class Phones {

    /**
     * At most 40 characters with the + (the lookahead): the width of the phone columns
     * ({@code safeguarding_lead.phone}, {@code school.safeguarding_phone}, V12); a narrower column adds its
     * own {@code @Size} ({@code guardian_phone}: 32).
     */
    public static final String PATTERN = "^(?=.{0,40}$)\\+?[0-9 ()\\-]{6,40}$";
    public static final String MESSAGE = "{juryroom.phone}";

    private Phones() {
    }
}
