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

    public record LeadView(long id, String name, String email, String phone, String username) {
    }

    private final AccessPolicy access;
    private final AuditLog audit;
    private final SafeguardingAudit record;

    private final org.juryroom.access.AccountLinks links;

    public SafeguardingLeadService(AccessPolicy access, AuditLog audit, SafeguardingAudit record,
                                   org.juryroom.access.AccountLinks links) {
        this.links = links;
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
        return AppUser.<AppUser>list("safeguardingLeadId is not null order by username").stream().map(u -> {
            SafeguardingLead l = SafeguardingLead.findById(u.safeguardingLeadId);
            return new LeadView(l.id, l.name, l.email, l.phone, u.username);
        }).toList();
    }
}
