package org.juryroom.common;

/** Phone numbers as people write them: digits, spaces, an optional leading +, dashes and brackets. */
public final class Phones {

    public static final String PATTERN = "^\\+?[0-9 ()\\-]{6,40}$";
    public static final String MESSAGE = "must be a phone number, e.g. +91 98300 12345";

    private Phones() {
    }
}
