package org.juryroom.safeguarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.juryroom.common.NfcText;
import org.juryroom.access.AccessPolicy;
import org.juryroom.access.AppUser;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Phones;
import org.juryroom.common.ProblemException;

import java.util.List;
import java.util.Map;

/** Appointing designated safeguarding leads: an organiser's act, like registering a juror. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SafeguardingLeadService {

    /**
     * A new lead. With {@code account} (an existing organiser's username) that account gains the
     * lead's desk and keeps its own role; without it, a lead-only account is created.
     */
    public record CreateLead(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                             @NotBlank @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE)
                             String phone,
                             @Size(max = 100) String account, Boolean invite) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public CreateLead {
            name = NfcText.name(name);
        }

        /** Without {@code invite}: a new account gets an invitation by mail (as for schools and jurors). */
        public CreateLead(String name, String email, String phone, String account) {
            this(name, email, phone, account, null);
        }

        /** An invitation unless {@code "invite": false}; an existing account keeps its password. */
        boolean invites() {
            return invite == null || invite;
        }
    }

    /** {@code password} is null when an existing account was given the role, or an invitation was queued. */
    public record Created(SafeguardingLead lead, String username, String password, boolean invited) {
    }

    /** {@code active}: the lead receives concerns and their account can sign in. */
    public record LeadView(long id, String name, String email, String phone, String username, boolean active) {
    }

    /** A lead's details corrected, as for a juror: every field is sent. */
    public record UpdateLead(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                             @NotBlank @Pattern(regexp = Phones.PATTERN, message = Phones.MESSAGE) String phone) {
        public UpdateLead {
            name = NfcText.name(name);
        }

        static UpdateLead of(SafeguardingLead l) {
            return new UpdateLead(l.name, l.email, l.phone);
        }
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final SafeguardingAudit record;

    private final org.juryroom.access.AccountLinks links;
    private final org.juryroom.access.AccountActivation activation;
    private final SafeguardingAlerts alerts;

    public SafeguardingLeadService(AccessPolicy access, AuditLog audit, SafeguardingAudit record,
                                   org.juryroom.access.AccountLinks links,
                                   org.juryroom.access.AccountActivation activation, SafeguardingAlerts alerts) {
        this.links = links;
        this.activation = activation;
        this.alerts = alerts;
        this.access = access;
        this.audit = audit;
        this.record = record;
    }

    public Created create(@Valid @NotNull CreateLead request) {
        access.requireOrganiser("Appointing a safeguarding lead");
        AppUser existing = null;
        if (request.account() != null && !request.account().isBlank()) {
            existing = AppUser.findByUsername(request.account().strip())
                    .filter(u -> Roles.ORGANISER.equals(u.role))
                    .orElseThrow(() -> ProblemException.unprocessable("account",
                            "must be the username of an organiser account (or leave it out to create a new account)"));
            if (existing.username.equals(access.currentUser().username())) {
                // Another organiser appoints you: nobody opens the desk to themselves.
                throw new io.quarkus.security.ForbiddenException("An organiser cannot appoint themselves a safeguarding lead");
            }
            if (existing.safeguardingLeadId != null) {
                throw ProblemException.conflict("The account " + existing.username + " is already a safeguarding lead");
            }
        }
        SafeguardingLead lead = new SafeguardingLead();
        lead.name = request.name().strip();
        lead.email = request.email().strip();
        lead.phone = request.phone().strip();
        lead.persist();
        String username;
        String password = null;
        if (existing != null) {
            existing.safeguardingLeadId = lead.id;
            username = existing.username;
        } else {
            username = Credentials.uniqueUsername(lead.name, "safeguarding");
            password = request.invites() ? null : Credentials.generatePassword();
            AppUser user = Credentials.create(username, password, Roles.SAFEGUARDING, null, null, lead.id);
            if (request.invites()) {
                links.send(user, org.juryroom.access.AccountLinks.Purpose.INVITE);
            }
        }
        audit.record(AuditAction.SAFEGUARDING_LEAD_APPOINTED, null, AuditLog.Subject.of("safeguardingLead", lead.id),
                null, Map.of("name", lead.name, "username", username));
        // The leads see in their own trail who was given the desk, and by whom.
        record.append("LEAD_APPOINTED", null, Map.of("name", lead.name, "username", username,
                "existingAccount", existing != null));
        return new Created(lead, username, password, existing == null && request.invites());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeadView> list() {
        access.requireOrganiser("The list of safeguarding leads");
        return AppUser.<AppUser>list("safeguardingLeadId is not null order by username").stream()
                .map(u -> view(SafeguardingLead.findById(u.safeguardingLeadId), u)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LeadView get(long leadId) {
        access.requireOrganiser("A safeguarding lead");
        return view(lead(leadId), links.accountOfLead(leadId));
    }

    /**
     * Corrects a lead's name, e-mail and phone (audited, before and after). A new address takes the alerts still
     * waiting for the old one, due at once: a mistyped address no longer keeps them, and the warning, for ever.
     */
    public LeadView update(long leadId, @Valid @NotNull UpdateLead request) {
        access.requireOrganiser("Correcting a safeguarding lead");
        SafeguardingLead l = SafeguardingLead.findById(leadId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (l == null) {
            throw ProblemException.notFound("Safeguarding lead " + leadId);
        }
        UpdateLead before = UpdateLead.of(l);
        l.name = request.name().strip();
        l.email = request.email().strip();
        l.phone = request.phone().strip();
        UpdateLead after = UpdateLead.of(l);
        if (!after.equals(before)) {
            int moved = before.email().equalsIgnoreCase(l.email) ? 0 : alerts.readdress(before.email(), l.email);
            audit.record(AuditAction.SAFEGUARDING_LEAD_UPDATED, null, AuditLog.Subject.of("safeguardingLead", l.id),
                    before, Map.of("name", l.name, "email", l.email, "phone", l.phone, "alertsReaddressed", moved));
            record.append("LEAD_UPDATED", null, Map.of("name", l.name, "alertsReaddressed", moved));
        }
        return view(l, links.accountOfLead(leadId));
    }

    /**
     * The lead's account stops signing in (AccountActivation, as for schools and jurors), they receive no new
     * alert, and alerts still waiting for them are given up with the reason. Never the last active lead: a
     * concern about a child must always reach someone. A lead who is also an organiser is not deactivated here
     * (that would lock the organiser out too).
     */
    public org.juryroom.access.AccountActivation.State deactivate(long leadId) {
        access.requireOrganiser("Deactivating a safeguarding lead");
        // Every lead row locked, in one order: two organisers deactivating the last two leads take turns.
        AppUser.getEntityManager().createNativeQuery("select id from safeguarding_lead order by id for update")
                .getResultList();
        SafeguardingLead l = lead(leadId);
        AppUser account = links.accountOfLead(leadId);
        if (!Roles.SAFEGUARDING.equals(account.role)) {
            throw ProblemException.conflict("The safeguarding lead " + l.name
                    + " uses an organiser's account, which is not deactivated from here");
        }
        if (account.deactivatedAt == null && !SafeguardingLead.anyActiveBesides(leadId)) {
            throw ProblemException.conflict("The last active safeguarding lead cannot be deactivated: concerns about"
                    + " a child must always reach someone. Appoint or reactivate another lead first");
        }
        boolean wasActive = account.deactivatedAt == null;
        var state = activation.lead(leadId, false);
        if (wasActive) {
            int settled = alerts.cancel(l.email, "Not sent: the safeguarding lead was deactivated");
            record.append("LEAD_DEACTIVATED", null, Map.of("name", l.name, "alertsCancelled", settled));
        }
        return state;
    }

    /** The lead's account signs in again and receives the alerts of concerns raised from now on. */
    public org.juryroom.access.AccountActivation.State reactivate(long leadId) {
        access.requireOrganiser("Reactivating a safeguarding lead");
        SafeguardingLead l = lead(leadId);
        boolean wasActive = links.accountOfLead(leadId).deactivatedAt == null;
        var state = activation.lead(leadId, true);
        if (!wasActive) {
            record.append("LEAD_REACTIVATED", null, Map.of("name", l.name));
        }
        return state;
    }

    private static SafeguardingLead lead(long leadId) {
        SafeguardingLead l = SafeguardingLead.findById(leadId);
        if (l == null) {
            throw ProblemException.notFound("Safeguarding lead " + leadId);
        }
        return l;
    }

    private static LeadView view(SafeguardingLead l, AppUser u) {
        return new LeadView(l.id, l.name, l.email, l.phone, u.username, u.deactivatedAt == null);
    }
}
