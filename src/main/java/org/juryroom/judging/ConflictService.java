package org.juryroom.judging;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.access.Roles;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionService;
import org.juryroom.school.School;

import java.time.Instant;

/**
 * Conflicts of interest between a juror and a school. A conflict holds across competitions and
 * takes effect on the next request: the school's entries vanish from the juror's queue (the
 * access policy), the juror's scorecards for them stop counting (the ranking query), and the
 * entries are topped up to k jurors (the assignment service), all in the declaring transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ConflictService {

    public record DeclareConflict(@NotNull Long schoolId, @Size(max = 500) String reason) {
    }

    public record AddConflict(@NotNull Long jurorId, @NotNull Long schoolId, @Size(max = 500) String reason) {
    }

    /** A juror's own view of a conflict: the school they named, nothing about its entries. */
    public record OwnConflict(long id, long schoolId, String schoolName, String district, String reason,
                              Instant createdAt) {
    }

    /** The organiser's view. */
    public record ConflictView(long id, long jurorId, String jurorName, long schoolId, String schoolName,
                               String district, String reason, String declaredBy, Instant createdAt) {
    }

    /** One line of the school list jurors pick from. */
    public record SchoolChoice(long id, String name, String district) {
    }

    /**
     * Whether the call created the conflict (201) or found it already declared (200), and what it
     * changed in the juror's queues (for the organiser; a juror is never told, since the number of
     * entries that left would say how many a school sent).
     */
    public record Declared<T>(T conflict, boolean created, AssignmentService.Reassignment reassignment) {
    }

    private final AccessPolicy access;
    private final CompetitionService competitions;
    private final AssignmentService assignments;
    private final AuditLog audit;

    public ConflictService(AccessPolicy access, CompetitionService competitions, AssignmentService assignments,
                           AuditLog audit) {
        this.access = access;
        this.competitions = competitions;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** A juror declares a conflict with a school; declaring it again changes nothing. */
    public Declared<OwnConflict> declareOwn(@Valid @NotNull DeclareConflict request) {
        long jurorId = access.currentUser().jurorId();
        Declared<Conflict> d = declare(jurorId, request.schoolId(), request.reason(), Roles.JUROR, null);
        return new Declared<>(own(d.conflict()), d.created(), d.reassignment());
    }

    /** An organiser records a conflict for a juror. */
    public Declared<ConflictView> add(long competitionId, @Valid @NotNull AddConflict request) {
        access.requireOrganiser("Recording a conflict for a juror");
        competitions.get(competitionId);
        if (Juror.findById(request.jurorId()) == null) {
            throw ProblemException.unprocessable("jurorId", "no juror " + request.jurorId());
        }
        Declared<Conflict> d = declare(request.jurorId(), request.schoolId(), request.reason(), Roles.ORGANISER,
                competitionId);
        return new Declared<>(view(d.conflict()), d.created(), d.reassignment());
    }

    /** An organiser lifts a conflict: the juror sees the school's assigned entries again and their scores count. */
    public void remove(long competitionId, long conflictId) {
        access.requireOrganiser("Removing a conflict");
        competitions.get(competitionId);
        // Locked: a second removal at the same time waits, then finds it gone (404).
        Conflict c = Conflict.findById(conflictId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Conflict " + conflictId);
        }
        assignments.lockCompetitionsOf(c.jurorId, c.schoolId);
        ConflictView before = view(c);
        c.delete();
        audit.record(AuditAction.CONFLICT_REMOVED, null, AuditLog.Subject.of("conflict", conflictId), before,
                java.util.Map.of("removedVia", "competition " + competitionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConflictView> list(long competitionId, Long jurorId, Page.Request paging) {
        competitions.get(competitionId);
        var query = jurorId == null ? Conflict.<Conflict>find("order by id")
                : Conflict.<Conflict>find("jurorId = :j order by id", Parameters.with("j", jurorId));
        return Page.of(query, paging).map(ConflictService::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OwnConflict> mine(Page.Request paging) {
        return Page.of(Conflict.<Conflict>find("jurorId = ?1 order by id", access.currentUser().jurorId()), paging)
                .map(ConflictService::own);
    }

    /** Schools by district and name, optionally one district: the only place jurors see school names. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SchoolChoice> schools(String district, Page.Request paging) {
        if (!access.maySeeSchoolDirectory()) {
            throw ProblemException.notFound("School list");
        }
        var query = district == null || district.isBlank()
                ? School.<School>find("order by district, name, id")
                : School.<School>find("district = ?1 order by name, id", district.strip());
        return Page.of(query, paging).map(s -> new SchoolChoice(s.id, s.name, s.district));
    }

    /** The districts of that list, to pick from first where there are many schools. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<String> districts() {
        if (!access.maySeeSchoolDirectory()) {
            throw ProblemException.notFound("School list");
        }
        return School.getEntityManager()
                .createQuery("select distinct s.district from School s order by s.district", String.class)
                .getResultList();
    }

    private Declared<Conflict> declare(long jurorId, long schoolId, String reason, String declaredBy,
                                       Long viaCompetition) {
        School school = School.findById(schoolId);
        if (school == null) {
            throw ProblemException.unprocessable("schoolId", "no school " + schoolId);
        }
        // One declaration per juror at a time (on every instance): a repeated one finds the first.
        Conflict.getEntityManager().createNativeQuery("select id from juror where id = ?1 for no key update")
                .setParameter(1, jurorId).getResultList();
        assignments.lockCompetitionsOf(jurorId, schoolId);
        Conflict existing = Conflict.find("jurorId = ?1 and schoolId = ?2", jurorId, schoolId).firstResult();
        if (existing != null) {
            return new Declared<>(existing, false, AssignmentService.Reassignment.NONE);
        }
        Conflict c = new Conflict();
        c.jurorId = jurorId;
        c.schoolId = schoolId;
        c.reason = reason == null || reason.isBlank() ? null : reason.strip();
        c.declaredBy = declaredBy;
        c.persist();
        c.flush();
        Conflict.getEntityManager().refresh(c); // created_at comes from the database
        audit.record(AuditAction.CONFLICT_DECLARED, null, AuditLog.Subject.of("conflict", c.id), null,
                java.util.Map.of("jurorId", jurorId, "schoolId", schoolId, "reason", c.reason == null ? "" : c.reason,
                        "declaredBy", declaredBy, "via", viaCompetition == null ? "juror" : "competition " + viaCompetition));
        return new Declared<>(c, true, assignments.topUpAfterConflict(jurorId, schoolId));
    }

    private static OwnConflict own(Conflict c) {
        School s = School.findById(c.schoolId);
        return new OwnConflict(c.id, c.schoolId, s.name, s.district, c.reason, c.createdAt);
    }

    private static ConflictView view(Conflict c) {
        School s = School.findById(c.schoolId);
        Juror j = Juror.findById(c.jurorId);
        return new ConflictView(c.id, c.jurorId, j.name, c.schoolId, s.name, s.district, c.reason, c.declaredBy,
                c.createdAt);
    }
}
