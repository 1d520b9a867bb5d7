package org.juryroom.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.AppUser;
import org.juryroom.common.ProblemException;

/** Saving a user's language: pages, refusals and mails follow it from the next request on. */
@ApplicationScoped
public class LanguageService {

    @Transactional
    public void save(String username, String language) {
        if (!Languages.supported(language)) {
            throw ProblemException.unprocessable("language", "must be one of " + String.join(", ", Languages.SUPPORTED));
        }
        AppUser.update("language = ?1 where username = ?2", language, username);
    }

    /** A user's saved language, for what is written to them outside a request (mails); null when none. */
    @Transactional
    public String of(String username) {
        return AppUser.findByUsername(username).map(u -> u.language).orElse(null);
    }
}
