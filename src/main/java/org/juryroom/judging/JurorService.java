package org.juryroom.judging;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.common.NfcText;
import org.juryroom.access.AccountLinks;
import org.juryroom.access.AppUser;
import org.juryroom.access.Credentials;
import org.juryroom.access.Roles;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Page;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JurorService {

    private final AuditLog audit;
    private final AccountLinks links;

    public JurorService(AuditLog audit, AccountLinks links) {
        this.audit = audit;
        this.links = links;
    }

    public record CreateJuror(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                              @Size(max = 500) String expertise, Boolean invite) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public CreateJuror {
            name = NfcText.name(name);
            expertise = NfcText.nfc(expertise);
        }

        /** Without {@code invite}, as before invitations existed: a generated password. */
        public CreateJuror(String name, String email, String expertise) {
            this(name, email, expertise, false);
        }

        /** An invitation unless the request says {@code "invite": false} (the e-mail is required). */
        boolean invites() {
            return invite == null || invite;
        }
    }

    /** {@code password} is null when an invitation was queued instead. */
    public record Created(Juror juror, String username, String password) {
    }

    public Created create(@Valid @NotNull CreateJuror request) {
        Juror j = new Juror();
        j.name = request.name().strip();
        j.email = request.email().strip();
        j.expertise = request.expertise();
        j.persist();
        String username = Credentials.uniqueUsername(j.name, "juror");
        String password = request.invites() ? null : Credentials.generatePassword();
        AppUser user = Credentials.create(username, password, Roles.JUROR, null, j.id);
        if (request.invites()) {
            links.send(user, AccountLinks.Purpose.INVITE);
        }
        audit.record(AuditAction.JUROR_CREATED, null, AuditLog.Subject.of("juror", j.id), null,
                java.util.Map.of("name", j.name, "username", username, "invited", request.invites()));
        return new Created(j, username, password);
    }

    /** An organiser's correction of a juror's name, e-mail and expertise. */
    public record UpdateJuror(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                              @Size(max = 500) String expertise) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public UpdateJuror {
            name = NfcText.name(name);
            expertise = NfcText.nfc(expertise);
        }

        static UpdateJuror of(Juror j) {
            return new UpdateJuror(j.name, j.email, j.expertise);
        }
    }

    /** Changes a juror's details, audited with before and after; their account, work and links stay. */
    public Juror update(long jurorId, @Valid @NotNull UpdateJuror request) {
        Juror j = Juror.findById(jurorId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (j == null) {
            throw org.juryroom.common.ProblemException.notFound("Juror " + jurorId);
        }
        UpdateJuror before = UpdateJuror.of(j);
        j.name = request.name().strip();
        j.email = request.email().strip();
        j.expertise = request.expertise() == null || request.expertise().isBlank() ? null : request.expertise().strip();
        if (!UpdateJuror.of(j).equals(before)) {
            audit.record(AuditAction.JUROR_UPDATED, null, AuditLog.Subject.of("juror", j.id), before,
                    UpdateJuror.of(j));
        }
        return j;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Juror get(long jurorId) {
        Juror j = Juror.findById(jurorId);
        if (j == null) {
            throw org.juryroom.common.ProblemException.notFound("Juror " + jurorId);
        }
        return j;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Juror> list(Page.Request paging) {
        return Page.of(Juror.<Juror>findAll(Sort.by("name", "id")), paging);
    }

    /** Jurors whose name, e-mail or expertise contain {@code text} (any case), by name or expertise in the alphabet of {@code language} (the reader's), paged. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Juror> search(String text, boolean byExpertise, boolean descending, Page.Request paging,
                               String language) {
        String dir = descending ? " desc" : "";
        String name = org.juryroom.i18n.Collation.ordered("name", language);
        String order = " order by " + (byExpertise ? org.juryroom.i18n.Collation.ordered("expertise", language) + dir
                + " nulls last, " + name : name + dir) + ", id";
        if (text == null || text.isBlank()) {
            return Page.of(Juror.<Juror>find("from Juror" + order), paging);
        }
        return Page.of(Juror.<Juror>find("from Juror where lower(name) like ?1 or lower(email) like ?1"
                + " or lower(expertise) like ?1" + order, org.juryroom.i18n.Collation.contains(text)), paging);
    }
}
