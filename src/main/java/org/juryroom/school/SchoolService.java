package org.juryroom.school;

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
import org.juryroom.common.ProblemException;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SchoolService {

    private final AuditLog audit;
    private final AccountLinks links;

    public SchoolService(AuditLog audit, AccountLinks links) {
        this.audit = audit;
        this.links = links;
    }

    public record CreateSchool(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String district,
                               @NotBlank @Size(max = 200) String contactName,
                               @NotBlank @Email @Size(max = 320) String contactEmail,
                               @jakarta.validation.Valid SafeguardingContact safeguardingContact,
                               Boolean invite) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public CreateSchool {
            name = NfcText.name(name); // one that shows nothing is empty: refused as blank
            district = NfcText.name(district);
            contactName = NfcText.name(contactName);
        }

        /** Without {@code invite}, as before invitations existed: a generated password. */
        public CreateSchool(String name, String district, String contactName, String contactEmail,
                            SafeguardingContact safeguardingContact) {
            this(name, district, contactName, contactEmail, safeguardingContact, false);
        }

        /** An invitation unless the request says {@code "invite": false} (the contact e-mail is required). */
        boolean invites() {
            return invite == null || invite;
        }
    }

    /** The school's own designated safeguarding contact, whom a safeguarding lead calls first. */
    public record SafeguardingContact(@NotBlank @Size(max = 200) String name,
                                      @NotBlank @jakarta.validation.constraints.Pattern(
                                              regexp = org.juryroom.common.Phones.PATTERN,
                                              message = org.juryroom.common.Phones.MESSAGE) String phone,
                                      @NotBlank @Email @Size(max = 320) String email) {
        // The name the safeguarding lead calls: one that shows nothing is refused as blank.
        public SafeguardingContact {
            name = NfcText.name(name);
        }

        public static SafeguardingContact of(School s) {
            return s.safeguardingName == null ? null
                    : new SafeguardingContact(s.safeguardingName, s.safeguardingPhone, s.safeguardingEmail);
        }
    }

    /** {@code password} is null when an invitation was queued instead. */
    public record Created(School school, String username, String password) {
    }

    /**
     * Registers a school and issues its sign-in: an invitation by mail to its contact, or (asked for
     * with {@code "invite": false}) a generated password, returned once and never again.
     */
    public Created create(@Valid @NotNull CreateSchool request) {
        School s = new School();
        s.name = request.name().strip();
        s.district = request.district().strip();
        s.contactName = request.contactName().strip();
        s.contactEmail = request.contactEmail().strip();
        setContact(s, request.safeguardingContact());
        s.persist();
        String username = Credentials.uniqueUsername(s.name, "school");
        String password = request.invites() ? null : Credentials.generatePassword();
        AppUser user = Credentials.create(username, password, Roles.SCHOOL, s.id, null);
        if (request.invites()) {
            links.send(user, AccountLinks.Purpose.INVITE);
        }
        audit.record(AuditAction.SCHOOL_CREATED, null, AuditLog.Subject.of("school", s.id), null,
                java.util.Map.of("name", s.name, "district", s.district, "username", username,
                        "invited", request.invites()));
        return new Created(s, username, password);
    }

    /** An organiser's correction of a school's name, district and contact (all four, as on creation). */
    public record UpdateSchool(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String district,
                               @NotBlank @Size(max = 200) String contactName,
                               @NotBlank @Email @Size(max = 320) String contactEmail) {
        // NFC first: the column holds the NFC text (common/NfcText), and some letters grow in it (U+09DF: 2 chars).
        public UpdateSchool {
            name = NfcText.name(name); // one that shows nothing is empty: refused as blank
            district = NfcText.name(district);
            contactName = NfcText.name(contactName);
        }

        static UpdateSchool of(School s) {
            return new UpdateSchool(s.name, s.district, s.contactName, s.contactEmail);
        }
    }

    /**
     * Changes a school's details, audited with before and after. Its account, entries and links stay:
     * after correcting the address, the organiser resends the invitation if it went to the wrong one.
     */
    public School update(long schoolId, @Valid @NotNull UpdateSchool request) {
        School s = School.findById(schoolId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("School " + schoolId);
        }
        UpdateSchool before = UpdateSchool.of(s);
        s.name = request.name().strip();
        s.district = request.district().strip();
        s.contactName = request.contactName().strip();
        s.contactEmail = request.contactEmail().strip();
        if (!UpdateSchool.of(s).equals(before)) {
            audit.record(AuditAction.SCHOOL_UPDATED, null, AuditLog.Subject.of("school", s.id), before,
                    UpdateSchool.of(s));
        }
        return s;
    }

    /** The school records or changes its own safeguarding contact. */
    public School updateSafeguardingContact(long schoolId, @Valid @NotNull SafeguardingContact contact) {
        School s = get(schoolId);
        SafeguardingContact before = SafeguardingContact.of(s);
        setContact(s, contact);
        audit.record(AuditAction.SAFEGUARDING_CONTACT_CHANGED, null, AuditLog.Subject.of("school", s.id),
                before, SafeguardingContact.of(s));
        return s;
    }

    private static void setContact(School s, SafeguardingContact contact) {
        if (contact != null) {
            s.safeguardingName = contact.name().strip();
            s.safeguardingPhone = contact.phone().strip();
            s.safeguardingEmail = contact.email().strip();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<School> list(Page.Request paging) {
        return Page.of(School.<School>findAll(io.quarkus.panache.common.Sort.by("name", "id")), paging);
    }

    /**
     * Schools whose name, district or contact e-mail contain {@code text} (any case), ordered by
     * name or district (then name) in the alphabet of {@code language} (the reader's), paged: for the
     * organiser's list.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<School> search(String text, boolean byDistrict, boolean descending, Page.Request paging,
                               String language) {
        String dir = descending ? " desc" : "";
        String name = org.juryroom.i18n.Collation.ordered("name", language);
        String order = " order by " + (byDistrict ? org.juryroom.i18n.Collation.ordered("district", language) + dir + ", " + name
                : name + dir) + ", id";
        if (text == null || text.isBlank()) {
            return Page.of(School.<School>find("from School" + order), paging);
        }
        return Page.of(School.<School>find("from School where lower(name) like ?1 or lower(district) like ?1"
                + " or lower(contactEmail) like ?1" + order, org.juryroom.i18n.Collation.contains(text)), paging);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public School get(long id) {
        School s = School.findById(id);
        if (s == null) {
            throw ProblemException.notFound("School " + id);
        }
        return s;
    }
}
