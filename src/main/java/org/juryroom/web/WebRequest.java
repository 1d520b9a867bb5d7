package org.juryroom.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.juryroom.access.AppUser;
import org.juryroom.access.Roles;
import org.juryroom.judging.Juror;
import org.juryroom.school.School;

/**
 * What every page's frame needs about the request: who is signed in (for the header) and the
 * CSRF token its forms carry. Templates reach it as {@code inject:web}.
 */
@RequestScoped
@Named("web")
public class WebRequest {

    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("[0-9]{1,9}");

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final Csrf csrf;
    private String displayName;
    private School ownSchool;

    public WebRequest(SecurityIdentity identity, RoutingContext routing, Csrf csrf) {
        this.identity = identity;
        this.routing = routing;
        this.csrf = csrf;
    }

    /**
     * The token for this browser's nonce and this user; empty on pages that hold no form, and on the HTTP layer's
     * error pages, whose frame is signed out (their language switch is then links, not a form).
     */
    public String csrf() {
        String nonce = routing.get(WebFilters.NONCE);
        boolean formless = nonce == null || routing.get(EarlyRefusals.SIGNED_OUT_FRAME) != null;
        return formless ? "" : csrf.token(nonce, principal());
    }

    /**
     * Whether someone is signed in. Not asked on an error page the HTTP layer answers (web/EarlyRefusals): who it
     * is may be what failed to be found out, so that page has the signed-out frame.
     */
    public boolean signedIn() {
        return routing.get(EarlyRefusals.SIGNED_OUT_FRAME) == null && !identity.isAnonymous();
    }

    public String principal() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean organiser() {
        return signedIn() && identity.hasRole(Roles.ORGANISER);
    }

    public boolean juror() {
        return signedIn() && identity.hasRole(Roles.JUROR);
    }

    public boolean school() {
        return signedIn() && identity.hasRole(Roles.SCHOOL);
    }

    /** A designated safeguarding lead (also when the account is an organiser's). */
    public boolean safeguardingLead() {
        return signedIn() && identity.hasRole(Roles.SAFEGUARDING);
    }

    /** The badge on a lead's navigation: how many concerns are open (the alert until e-mail exists). */
    public long openConcerns() {
        if (!safeguardingLead() || io.vertx.core.Context.isOnEventLoopThread()) {
            return 0;
        }
        return org.juryroom.safeguarding.Concern.openCount();
    }

    /** An organiser is told, on the console, while no safeguarding lead is there to receive a concern. */
    public boolean noSafeguardingLead() {
        if (!organiser() || io.vertx.core.Context.isOnEventLoopThread()) {
            return false;
        }
        return !org.juryroom.safeguarding.SafeguardingLead.anyActive();
    }

    /**
     * Organisers and leads are told, on the console, the outbox and the desk, while a safeguarding alert has not
     * reached a lead: the SMTP server refused it or did not answer, and the sender keeps trying.
     */
    public long undeliveredAlerts() {
        if (!(organiser() || safeguardingLead()) || io.vertx.core.Context.isOnEventLoopThread()) {
            return 0;
        }
        return org.juryroom.mail.OutboxMessage.undeliveredAlerts();
    }

    /** A school that has not yet recorded its safeguarding contact is asked to on its portal. */
    public boolean missingSafeguardingContact() {
        if (!school() || io.vertx.core.Context.isOnEventLoopThread()) {
            return false;
        }
        School s = ownSchool();
        return s != null && s.safeguardingName == null;
    }

    /** The signed-in school, read once per request for the frame (name, safeguarding prompt). */
    private School ownSchool() {
        if (ownSchool == null) {
            AppUser user = signedIn() ? AppUser.findByUsername(principal()).orElse(null) : null;
            ownSchool = user == null || user.schoolId == null ? null : School.findById(user.schoolId);
        }
        return ownSchool;
    }

    /** The signed-in user's own name: their school, their juror name, or the username. */
    public String displayName() {
        if (displayName == null) {
            displayName = principal();
            if (io.vertx.core.Context.isOnEventLoopThread()) {
                // Security refusals are rendered on the I/O thread, where the database may not be asked.
                return displayName;
            }
            if (school()) {
                School s = ownSchool();
                displayName = s == null ? displayName : s.name;
                return displayName;
            }
            AppUser user = signedIn() ? AppUser.findByUsername(principal()).orElse(null) : null;
            if (user != null && user.jurorId != null) {
                Juror j = Juror.findById(user.jurorId);
                displayName = j == null ? displayName : j.name;
            }
        }
        return displayName;
    }

    /** Where this user's pages start. */
    public String home() {
        return signedIn() ? Home.of(identity) : "/login";
    }

    /** A one-time notice after a redirect ({@code ?saved}): the page says what just happened. */
    public boolean flash(String key) {
        return routing.queryParams().contains(key);
    }

    /**
     * A notice's number after a redirect ({@code ?reassigned=3}), or "" when the parameter is absent or not
     * a count: the address is anyone's to write, so a notice never shows its words (a crafted link would
     * put them in a green "done" box on the organiser's own page).
     */
    public String count(String name) {
        String value = routing.queryParams().get(name);
        return value != null && COUNT.matcher(value).matches() ? value : "";
    }

    /** Whether a notice's parameter holds this one value ({@code ?moved=PUBLISHED}); it is compared, never shown. */
    public boolean is(String name, String value) {
        return value.equals(routing.queryParams().get(name));
    }

    /** The zone times are shown and entered in, named in the reader's language. */
    public String zone() {
        return Formats.zoneName();
    }

    /** The current path, to mark the active navigation link. */
    public String path() {
        return routing.normalizedPath();
    }
}
