package org.juryroom.access;

/** The three roles of JuryRoom; every endpoint names the ones it admits. */
public final class Roles {
    public static final String ORGANISER = "organiser";
    public static final String JUROR = "juror";
    public static final String SCHOOL = "school";

    private Roles() {
    }
}
