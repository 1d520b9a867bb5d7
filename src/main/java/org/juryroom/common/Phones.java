package org.juryroom.common;

/** Phone numbers as people write them: digits, spaces, an optional leading +, dashes and brackets. */
public final class Phones {

    public static final String PATTERN = "^\\+?[0-9 ()\\-]{6,40}$";
    public static final String MESSAGE = "{juryroom.phone}";

    private Phones() {
    }
}
