package org.juryroom.access;

/** The roles of JuryRoom; every endpoint names the ones it admits. */
public final class Roles {
    public static final String ORGANISER = "organiser";
    public static final String JUROR = "juror";
    public static final String SCHOOL = "school";
    /** A designated safeguarding lead; an account of another role may hold it too (AppUser.safeguardingLeadId). */
    public static final String SAFEGUARDING = "safeguarding";

    private Roles() {
    }
}
