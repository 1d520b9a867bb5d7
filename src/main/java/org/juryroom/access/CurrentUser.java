package org.juryroom.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.juryroom.common.ProblemException;

/** Who is asking, loaded once per request from the signed-in identity. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private AppUser user;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public AppUser user() {
        if (user == null) {
            if (identity.isAnonymous()) {
                throw new io.quarkus.security.UnauthorizedException();
            }
            user = AppUser.findByUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> ProblemException.notFound("User"));
        }
        return user;
    }

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The role as the audit trail records it. */
    public String roleName() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        return isOrganiser() ? Roles.ORGANISER : isJuror() ? Roles.JUROR : isSchool() ? Roles.SCHOOL
                : isSafeguardingLead() ? Roles.SAFEGUARDING : "unknown";
    }

    public boolean isOrganiser() {
        return identity.hasRole(Roles.ORGANISER);
    }

    public boolean isSchool() {
        return identity.hasRole(Roles.SCHOOL);
    }

    /** A designated safeguarding lead (possibly also holding another role). */
    public boolean isSafeguardingLead() {
        return identity.hasRole(Roles.SAFEGUARDING);
    }

    public boolean isJuror() {
        return identity.hasRole(Roles.JUROR);
    }

    public long schoolId() {
        return user().schoolId;
    }

    public long jurorId() {
        return user().jurorId;
    }
}
