package org.juryroom.i18n;

import org.juryroom.access.AppUser;

/**
 * The language a mail (and the dates in it) is written in: what the recipient's account chose, else
 * the language of the request that causes the mail (an organiser's invitation, a reset asked for on
 * a Hindi page), else English (a scheduled job has no request).
 */
public final class Recipients {

    private Recipients() {
    }

    /** The one rule: a recipient's saved choice (may be null), else the request's language, else English. */
    public static String resolve(String saved) {
        return Languages.supported(saved) ? saved : Languages.ofCurrentRequest();
    }

    /** A school's contact reads what the school's account chose. */
    public static String ofSchool(long schoolId) {
        return resolve(AppUser.find("schoolId = ?1 and language is not null", schoolId).<AppUser>firstResultOptional()
                .map(u -> u.language).orElse(null));
    }

    public static String ofJuror(long jurorId) {
        return resolve(AppUser.find("jurorId = ?1 and language is not null", jurorId).<AppUser>firstResultOptional()
                .map(u -> u.language).orElse(null));
    }
}
