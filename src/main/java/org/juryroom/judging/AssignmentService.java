package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.EntryStatus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the assignment planner over a competition's submitted entries and stores the new pairs. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssignmentService {

    public record Result(int assignments, int entries, int jurors, Map<Long, Integer> entriesShortOfJurors) {
    }

    private final CompetitionService competitions;
    private final EntityManager em;

    public AssignmentService(CompetitionService competitions, EntityManager em) {
        this.competitions = competitions;
        this.em = em;
    }

    public Result assign(long competitionId, int jurorsPerEntry, Long seed) {
        Competition c = competitions.get(competitionId);
        if (c.status != CompetitionStatus.OPEN && c.status != CompetitionStatus.JUDGING) {
            CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Assigning jurors");
        }
        List<AssignmentPlanner.EntryToAssign> entries = em.createQuery(
                        "select e.id, e.school.id, e.category.code from Entry e where e.competition.id = :cid and e.status = :s",
                        Object[].class)
                .setParameter("cid", competitionId).setParameter("s", EntryStatus.SUBMITTED)
                .getResultStream()
                .map(r -> new AssignmentPlanner.EntryToAssign((Long) r[0], (Long) r[1], (String) r[2]))
                .toList();
        List<AssignmentPlanner.JurorSlot> jurors = Juror.<Juror>listAll().stream()
                .map(j -> new AssignmentPlanner.JurorSlot(j.id, Set.of())).toList();
        Map<Long, Set<Long>> existing = new HashMap<>();
        for (Object[] r : em.createQuery("select a.entryId, a.jurorId from Assignment a where a.competitionId = :cid",
                Object[].class).setParameter("cid", competitionId).getResultList()) {
            existing.computeIfAbsent((Long) r[0], x -> new HashSet<>()).add((Long) r[1]);
        }
        Map<Long, Set<Long>> conflicts = new HashMap<>();
        for (Conflict cf : Conflict.<Conflict>listAll()) {
            conflicts.computeIfAbsent(cf.jurorId, x -> new HashSet<>()).add(cf.schoolId);
        }
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(entries, jurors, existing, conflicts, jurorsPerEntry,
                seed == null ? competitionId : seed);
        for (AssignmentPlanner.Pair p : plan.added()) {
            Assignment a = new Assignment();
            a.competitionId = competitionId;
            a.entryId = p.entryId();
            a.jurorId = p.jurorId();
            a.persist();
        }
        return new Result(plan.added().size(), entries.size(), jurors.size(), plan.shortBy());
    }
}
