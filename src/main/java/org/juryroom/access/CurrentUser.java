package org.juryroom.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.juryroom.common.ProblemException;

/**
 * Who is asking: the account the sign-in read for this request (password, Basic, token or page
 * session all read the row anyway, see {@link PasswordSignIn#identityOf}), so a request reads its
 * user once; only an identity made elsewhere is looked up by name.
 */
@RequestScoped
public class CurrentUser {

    /** The identity's attribute holding the account as the sign-in read it (detached; never written through). */
    static final String USER = "juryroom.user";

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
            AppUser signedIn = identity.getAttribute(USER);
            user = signedIn != null ? signedIn : AppUser.findByUsername(identity.getPrincipal().getName())
                    .orElseThrow(() -> ProblemException.notFound("User"));
        }
        return user;
    }

    /** No one signed in: a visitor, or (outside an HTTP request) no one asked at all. */
    public boolean anonymous() {
        return identity.isAnonymous();
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
