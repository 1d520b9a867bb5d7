package org.juryroom.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;

import java.time.Instant;
import java.util.Map;

/**
 * An organiser deactivates or reactivates a school's, a juror's or a safeguarding lead's account (the lead's
 * rules, the last active lead and its alerts, are safeguarding/SafeguardingLeadService's). A deactivated account
 * cannot sign in, by password or Basic ({@link PasswordSignIn}), its browser sessions end now and
 * none resumes ({@link BrowserSession#live}), and no reset link is mailed to it; its school or
 * juror, entries, scorecards and audit trail stay as they are. Asking for the state it is in
 * already changes nothing and records nothing.
 */
@ApplicationScoped
public class AccountActivation {

    /** The account's state after the change. */
    public record State(String kind, long id, String username, boolean active, Instant deactivatedAt) {
    }

    private final AccountLinks links;
    private final AuditLog audit;

    public AccountActivation(AccountLinks links, AuditLog audit) {
        this.links = links;
        this.audit = audit;
    }

    @Transactional
    public State school(long schoolId, boolean active) {
        return set(links.accountOfSchool(schoolId), "school", schoolId, active);
    }

    @Transactional
    public State juror(long jurorId, boolean active) {
        return set(links.accountOfJuror(jurorId), "juror", jurorId, active);
    }

    /** Joins the caller's transaction: SafeguardingLeadService checks the last active lead under the same locks. */
    @Transactional
    public State lead(long leadId, boolean active) {
        return set(links.accountOfLead(leadId), "safeguardingLead", leadId, active);
    }

    private State set(AppUser found, String kind, long id, boolean active) {
        // Under the account's row lock: a deactivation and a reactivation racing end in one clear state.
        AppUser account = AppUser.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
        if (active != (account.deactivatedAt == null)) {
            Instant before = account.deactivatedAt;
            account.deactivatedAt = active ? null : Instant.now();
            if (!active) {
                BrowserSession.delete("user.id", account.id);
                // An invitation or reset link already mailed would set a password on it: void them all.
                AppUser.getEntityManager().createNativeQuery("update account_token set used_at = now()"
                        + " where user_id = :user and used_at is null").setParameter("user", account.id).executeUpdate();
            }
            audit.record(active ? AuditAction.ACCOUNT_REACTIVATED : AuditAction.ACCOUNT_DEACTIVATED, null,
                    AuditLog.Subject.of(kind, id), Map.of("username", account.username, "active", before == null),
                    Map.of("username", account.username, "active", active));
        }
        return new State(kind, id, account.username, account.deactivatedAt == null, account.deactivatedAt);
    }
}
