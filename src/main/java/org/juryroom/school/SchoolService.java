package org.juryroom.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

    public SchoolService(AuditLog audit) {
        this.audit = audit;
    }

    public record CreateSchool(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String district,
                               @NotBlank @Size(max = 200) String contactName,
                               @NotBlank @Email @Size(max = 320) String contactEmail,
                               @jakarta.validation.Valid SafeguardingContact safeguardingContact) {
    }

    /** The school's own designated safeguarding contact, whom a safeguarding lead calls first. */
    public record SafeguardingContact(@NotBlank @Size(max = 200) String name,
                                      @NotBlank @jakarta.validation.constraints.Pattern(
                                              regexp = org.juryroom.common.Phones.PATTERN,
                                              message = org.juryroom.common.Phones.MESSAGE) String phone,
                                      @NotBlank @Email @Size(max = 320) String email) {

        public static SafeguardingContact of(School s) {
            return s.safeguardingName == null ? null
                    : new SafeguardingContact(s.safeguardingName, s.safeguardingPhone, s.safeguardingEmail);
        }
    }

    public record Created(School school, String username, String password) {
    }

    /** Registers a school and issues its sign-in; the password is returned once and never again. */
    public Created create(@Valid @NotNull CreateSchool request) {
        School s = new School();
        s.name = request.name().strip();
        s.district = request.district().strip();
        s.contactName = request.contactName().strip();
        s.contactEmail = request.contactEmail().strip();
        setContact(s, request.safeguardingContact());
        s.persist();
        String username = Credentials.uniqueUsername(s.name, "school");
        String password = Credentials.generatePassword();
        Credentials.create(username, password, Roles.SCHOOL, s.id, null);
        audit.record(AuditAction.SCHOOL_CREATED, null, AuditLog.Subject.of("school", s.id), null,
                java.util.Map.of("name", s.name, "district", s.district, "username", username));
        return new Created(s, username, password);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public School get(long id) {
        School s = School.findById(id);
        if (s == null) {
            throw ProblemException.notFound("School " + id);
        }
        return s;
    }
}
