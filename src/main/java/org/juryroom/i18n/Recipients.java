package org.juryroom.i18n;

import org.juryroom.access.AppUser;

/** The language a mail is written in: the one its recipient's account chose (null: English). */
public final class Recipients {

    private Recipients() {
    }

    /** A school's contact reads what the school's account chose. */
    public static String ofSchool(long schoolId) {
        return AppUser.find("schoolId = ?1 and language is not null", schoolId).<AppUser>firstResultOptional()
                .map(u -> u.language).orElse(null);
    }

    public static String ofJuror(long jurorId) {
        return AppUser.find("jurorId = ?1 and language is not null", jurorId).<AppUser>firstResultOptional()
                .map(u -> u.language).orElse(null);
    }
}
