package org.juryroom.web;

import io.quarkus.security.identity.SecurityIdentity;
import org.juryroom.access.Roles;

/** Each role's start page. */
final class Home {

    private Home() {
    }

    static String of(SecurityIdentity identity) {
        if (identity.hasRole(Roles.ORGANISER)) {
            return "/organiser";
        }
        if (identity.hasRole(Roles.JUROR)) {
            return "/jury";
        }
        if (identity.hasRole(Roles.SCHOOL)) {
            return "/school";
        }
        if (identity.hasRole(Roles.SAFEGUARDING)) {
            return "/safeguarding";
        }
        return "/login";
    }
}
