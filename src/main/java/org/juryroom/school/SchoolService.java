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
                               @NotBlank @Email @Size(max = 320) String contactEmail) {
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
        s.persist();
        String username = Credentials.uniqueUsername(s.name, "school");
        String password = Credentials.generatePassword();
        Credentials.create(username, password, Roles.SCHOOL, s.id, null);
        audit.record(AuditAction.SCHOOL_CREATED, null, AuditLog.Subject.of("school", s.id), null,
                java.util.Map.of("name", s.name, "district", s.district, "username", username));
        return new Created(s, username, password);
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
