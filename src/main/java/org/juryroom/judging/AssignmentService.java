package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.EntryStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the assignment planner over a competition's submitted entries and stores the new pairs;
 * keeps entries at k counted jurors when a juror drops out (conflict, abstention) and adds a juror
 * when an organiser asks for one. All three use {@link AssignmentPlanner}; existing assignments and
 * scorecards are never removed.
 *
 * <p>A juror <i>counts</i> for an entry when assigned to it, not conflicted with its school and not
 * abstained. Conflicted and abstained jurors are never picked again for that entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssignmentService {

    /** The most jurors an entry can be given in one run. */
    public static final int MAX_JURORS_PER_ENTRY = 50;

    /**
     * @param assignments          pairs added by this run
     * @param entriesShortOfJurors entry id → how many jurors it is missing (not enough eligible jurors)
     * @param minLoad              fewest counted assignments of any juror in the pool after the run
     * @param maxLoad              most counted assignments of any juror in the pool after the run
     */
    public record Result(int assignments, int entries, int jurors, Map<Long, Integer> entriesShortOfJurors,
                         int jurorsPerEntry, long seed, int minLoad, int maxLoad) {
    }

    /** Pairs added to keep entries at k, for the audit trail and the caller. */
    public record TopUp(String reason, List<AssignmentPlanner.Pair> added, Map<Long, Integer> shortBy) {
    }

    /**
     * What a new conflict changed: how many of the juror's assigned entries it took away (in
     * competitions still open or judging), how many jurors were added in their place, and how many
     * of those entries are still short of jurors.
     */
    public record Reassignment(int entriesLeft, int jurorsAdded, int entriesShort) {
        public static final Reassignment NONE = new Reassignment(0, 0, 0);
    }

    private final CompetitionService competitions;
    private final EntityManager em;
    private final AuditLog audit;
    private final AssignmentNotices notices;

    public AssignmentService(CompetitionService competitions, EntityManager em, AuditLog audit,
                             AssignmentNotices notices) {
        this.competitions = competitions;
        this.em = em;
        this.audit = audit;
        this.notices = notices;
    }

    public Result assign(long competitionId, int jurorsPerEntry, Long seed) {
        if (jurorsPerEntry < 1 || jurorsPerEntry > MAX_JURORS_PER_ENTRY) {
            // The API's request is validated already; the organiser's page form comes straight here.
            throw org.juryroom.common.ProblemException.unprocessable("jurorsPerEntry",
                    "must be between 1 and " + MAX_JURORS_PER_ENTRY);
        }
        // Exclusive: a run sets k on the competition, and a second run waits and builds on the first.
        Competition c = competitions.lockExclusive(competitionId);
        requireAssignable(c, "Assigning jurors");
        long effectiveSeed = seed == null ? competitionId : seed;
        c.jurorsPerEntry = jurorsPerEntry;
        State state = load(c);
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(state.entries, state.pool, state.counted,
                state.excluded, state.conflicts, jurorsPerEntry, effectiveSeed);
        persist(c, plan.added());
        int[] loads = loads(state, plan.added());
        Result result = new Result(plan.added().size(), state.entries.size(), state.pool.size(),
                new java.util.TreeMap<>(plan.shortBy()), jurorsPerEntry, effectiveSeed, loads[0], loads[1]);
        audit.record(AuditAction.ASSIGNMENT_RUN, c.id, AuditLog.Subject.of("competition", c.id), null,
                Map.of("jurorsPerEntry", jurorsPerEntry, "seed", effectiveSeed, "added", plan.added().size(),
                        "entriesShortOfJurors", result.entriesShortOfJurors()));
        return result;
    }

    /**
     * Brings the given entries back to the competition's k counted jurors (after a conflict or an
     * abstention). Does nothing before the first assignment run, or outside OPEN and JUDGING.
     */
    public TopUp topUp(long competitionId, Collection<Long> entryIds, String reason) {
        Competition c = lockForPlanning(competitionId);
        if (c.jurorsPerEntry == null || !assignable(c) || entryIds.isEmpty()) {
            return new TopUp(reason, List.of(), Map.of());
        }
        return run(c, Set.copyOf(entryIds), null, reason);
    }

    /** One more counted juror for one entry (an organiser's REQUEST_JUROR); null if nobody is eligible. */
    public Long addJuror(long competitionId, long entryId, String reason) {
        Competition c = lockForPlanning(competitionId);
        requireAssignable(c, "Asking another juror");
        TopUp topUp = run(c, Set.of(entryId), 1, reason);
        return topUp.added().isEmpty() ? null : topUp.added().get(0).jurorId();
    }

    /**
     * Top-ups run under the competition's shared lock (their callers write scores, decisions or
     * conflicts under it) and, one at a time per competition, under a transaction-scoped advisory
     * lock: two at once would plan from the same state and pick the same juror twice.
     */
    private Competition lockForPlanning(long competitionId) {
        Competition c = competitions.lockShared(competitionId);
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(:ns, :cid)").setParameter("ns", PLANNING_LOCK)
                .setParameter("cid", (int) competitionId).getResultList();
        return c;
    }

    /** First key of the planning lock (the two-int key space; the storage reconciler uses the other). */
    private static final int PLANNING_LOCK = 0x4A525041; // "JRPA"

    /**
     * Locks the assignment of this juror to this entry (if any) until the transaction ends: one
     * juror's writes on one entry then happen one after the other, on every instance.
     */
    public void lockPair(long entryId, long jurorId) {
        em.createNativeQuery("select id from assignment where entry_id = ?1 and juror_id = ?2 for update")
                .setParameter(1, entryId).setParameter(2, jurorId).getResultList();
    }

    /**
     * Takes the shared lock of every competition, open or judging, in which this juror is assigned
     * entries of this school, in id order: a conflict declared or lifted changes which of their
     * scorecards count, so it must not land in the middle of a freeze.
     */
    public void lockCompetitionsOf(long jurorId, long schoolId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select distinct a.competition_id from assignment a
                        join entry e on e.id = a.entry_id
                        join competition c on c.id = a.competition_id
                        where a.juror_id = :jid and e.school_id = :sid and c.status in ('OPEN', 'JUDGING')
                        order by a.competition_id""")
                .setParameter("jid", jurorId).setParameter("sid", schoolId).getResultList();
        ids.forEach(id -> competitions.lockShared(id.longValue()));
    }

    /** After a conflict: tops up this juror's entries from that school in every competition still judging. */
    public Reassignment topUpAfterConflict(long jurorId, long schoolId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.competition_id, a.entry_id from assignment a
                        join entry e on e.id = a.entry_id
                        join competition c on c.id = a.competition_id
                        where a.juror_id = :jid and e.school_id = :sid and c.status in ('OPEN', 'JUDGING')
                        order by a.competition_id, a.entry_id""")
                .setParameter("jid", jurorId).setParameter("sid", schoolId).getResultList();
        Map<Long, Set<Long>> byCompetition = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byCompetition.computeIfAbsent(((Number) r[0]).longValue(), x -> new HashSet<>())
                    .add(((Number) r[1]).longValue());
        }
        int added = 0;
        int stillShort = 0;
        for (Map.Entry<Long, Set<Long>> c : byCompetition.entrySet()) {
            TopUp t = topUp(c.getKey(), c.getValue(), "conflict declared by or for juror " + jurorId);
            added += t.added().size();
            stillShort += t.shortBy().size();
        }
        return new Reassignment(rows.size(), added, stillShort);
    }

    private TopUp run(Competition c, Set<Long> entryIds, Integer extra, String reason) {
        State state = load(c);
        List<AssignmentPlanner.EntryToAssign> targets = state.entries.stream()
                .filter(e -> entryIds.contains(e.entryId())).toList();
        if (targets.isEmpty()) {
            if (extra == null) {
                // A top-up of entries that left judging meanwhile (withdrawn, or held for a safeguarding review).
                return new TopUp(reason, List.of(), Map.of());
            }
            throw ProblemException.notFound("Submitted entry " + entryIds + " in competition " + c.id);
        }
        int k = extra == null ? c.jurorsPerEntry
                : state.counted.getOrDefault(targets.get(0).entryId(), Set.of()).size() + extra;
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(targets, state.pool, state.counted, state.excluded,
                state.conflicts, k, c.id);
        persist(c, plan.added());
        TopUp topUp = new TopUp(reason, plan.added(), new java.util.TreeMap<>(plan.shortBy()));
        if (!plan.added().isEmpty() || !plan.shortBy().isEmpty()) {
            audit.record(AuditAction.JURORS_REASSIGNED, c.id, AuditLog.Subject.of("competition", c.id), null,
                    topUp);
        }
        return topUp;
    }

    private void persist(Competition c, List<AssignmentPlanner.Pair> pairs) {
        for (AssignmentPlanner.Pair p : pairs) {
            Assignment a = new Assignment();
            a.competitionId = c.id;
            a.entryId = p.entryId();
            a.jurorId = p.jurorId();
            a.persist();
        }
        em.flush();
        // Every way work is given to jurors comes through here: one notice per juror and run.
        notices.assigned(c, pairs);
    }

    /** Everything the planner needs about one competition, read once. */
    private record State(List<AssignmentPlanner.EntryToAssign> entries, List<AssignmentPlanner.JurorSlot> pool,
                         Map<Long, Set<Long>> counted, Map<Long, Set<Long>> excluded,
                         Map<Long, Set<Long>> conflicts) {
    }

    private State load(Competition c) {
        List<AssignmentPlanner.EntryToAssign> entries = em.createQuery(
                        "select e.id, e.school.id, e.category.code from Entry e"
                                + " where e.competition.id = :cid and e.status = :s and e.hold is null order by e.id",
                        Object[].class)
                .setParameter("cid", c.id).setParameter("s", EntryStatus.SUBMITTED)
                .getResultStream()
                .map(r -> new AssignmentPlanner.EntryToAssign((Long) r[0], (Long) r[1], (String) r[2]))
                .toList();
        List<AssignmentPlanner.JurorSlot> pool = pool(c.id);
        Map<Long, Set<Long>> counted = new HashMap<>();
        Map<Long, Set<Long>> excluded = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.entry_id, a.juror_id,
                               exists (select 1 from conflict cf where cf.juror_id = a.juror_id and cf.school_id = e.school_id)
                            or exists (select 1 from scorecard s where s.entry_id = a.entry_id and s.juror_id = a.juror_id
                                       and s.status = 'ABSTAINED') as dropped
                        from assignment a join entry e on e.id = a.entry_id
                        where a.competition_id = :cid""")
                .setParameter("cid", c.id).getResultList();
        for (Object[] r : rows) {
            Map<Long, Set<Long>> target = Boolean.TRUE.equals(r[2]) ? excluded : counted;
            target.computeIfAbsent(((Number) r[0]).longValue(), x -> new HashSet<>()).add(((Number) r[1]).longValue());
        }
        Map<Long, Set<Long>> conflicts = new HashMap<>();
        for (Conflict cf : Conflict.<Conflict>listAll()) {
            conflicts.computeIfAbsent(cf.jurorId, x -> new HashSet<>()).add(cf.schoolId);
        }
        return new State(entries, pool, counted, excluded, conflicts);
    }

    /** The competition's jury (its panel members), or every juror when it has none. */
    private static List<AssignmentPlanner.JurorSlot> pool(long competitionId) {
        List<PanelMember> members = PanelMember.ofCompetition(competitionId);
        if (members.isEmpty()) {
            return Juror.<Juror>list("order by id").stream()
                    .map(j -> new AssignmentPlanner.JurorSlot(j.id, Set.of())).toList();
        }
        return members.stream().map(m -> new AssignmentPlanner.JurorSlot(m.jurorId, Set.of(m.categories))).toList();
    }

    private static int[] loads(State state, List<AssignmentPlanner.Pair> added) {
        Map<Long, Integer> load = new HashMap<>();
        state.pool.forEach(j -> load.put(j.jurorId(), 0));
        state.counted.values().forEach(js -> js.forEach(j -> load.computeIfPresent(j, (id, n) -> n + 1)));
        added.forEach(p -> load.computeIfPresent(p.jurorId(), (id, n) -> n + 1));
        if (load.isEmpty()) {
            return new int[] {0, 0};
        }
        return new int[] {load.values().stream().mapToInt(Integer::intValue).min().orElse(0),
                load.values().stream().mapToInt(Integer::intValue).max().orElse(0)};
    }

    private static boolean assignable(Competition c) {
        return c.status == CompetitionStatus.OPEN || c.status == CompetitionStatus.JUDGING;
    }

    private static void requireAssignable(Competition c, String operation) {
        if (!assignable(c)) {
            CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, operation);
        }
    }
}
