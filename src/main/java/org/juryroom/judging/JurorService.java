package org.juryroom.judging;

import io.quarkus.panache.common.Sort;
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

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JurorService {

    private final AuditLog audit;

    public JurorService(AuditLog audit) {
        this.audit = audit;
    }

    public record CreateJuror(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                              @Size(max = 500) String expertise) {
    }

    public record Created(Juror juror, String username, String password) {
    }

    public Created create(@Valid @NotNull CreateJuror request) {
        Juror j = new Juror();
        j.name = request.name().strip();
        j.email = request.email().strip();
        j.expertise = request.expertise();
        j.persist();
        String username = Credentials.uniqueUsername(j.name, "juror");
        String password = Credentials.generatePassword();
        Credentials.create(username, password, Roles.JUROR, null, j.id);
        audit.record(AuditAction.JUROR_CREATED, null, AuditLog.Subject.of("juror", j.id), null,
                java.util.Map.of("name", j.name, "username", username));
        return new Created(j, username, password);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Juror> list(Page.Request paging) {
        return Page.of(Juror.<Juror>findAll(Sort.by("name", "id")), paging);
    }
}
