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
import org.juryroom.rounds.JudgingRound;
import org.juryroom.rounds.RoundKind;
import org.juryroom.rounds.RoundStatus;
import org.juryroom.rounds.ScreeningVote;

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
 *
 * <p>Rounds (docs/judging.md): a run assigns the competition's current round, and opens it. A
 * SCREENING round's work is its {@link ScreeningVote} rows, the RUBRIC round's the assignments;
 * either way only the entries that advanced from the round before are assigned, by the same planner.
 * A conflict tops up both: the RUBRIC assignments to the competition's k, and an open SCREENING
 * round's votes to that round's k (a conflicted juror's vote no longer counts).
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
    private final org.juryroom.access.CurrentUser me;

    public AssignmentService(CompetitionService competitions, EntityManager em, AuditLog audit,
                             AssignmentNotices notices, org.juryroom.access.CurrentUser me) {
        this.competitions = competitions;
        this.em = em;
        this.audit = audit;
        this.notices = notices;
        this.me = me;
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
        JudgingRound round = currentRound(c);
        if (round.kind == RoundKind.FINAL) {
            throw ProblemException.conflict("The current round is FINAL: its jury ranks the whole shortlist and is"
                    + " not assigned entries");
        }
        if (round.quorum != null && round.quorum > jurorsPerEntry) {
            throw ProblemException.unprocessable("jurorsPerEntry", "must be at least the round's quorum of "
                    + round.quorum);
        }
        long effectiveSeed = seed == null ? competitionId : seed;
        if (round.kind == RoundKind.RUBRIC) {
            c.jurorsPerEntry = jurorsPerEntry;
        }
        round.jurorsPerEntry = jurorsPerEntry;
        if (round.status == RoundStatus.PENDING) {
            round.status = RoundStatus.OPEN;
            round.openedAt = java.time.Instant.now();
            round.openedBy = me.username();
        }
        State state = load(c, round);
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(state.entries, state.pool, state.counted,
                state.excluded, state.conflicts, jurorsPerEntry, effectiveSeed);
        persist(c, round, plan.added());
        int[] loads = loads(state, plan.added());
        Result result = new Result(plan.added().size(), state.entries.size(), state.pool.size(),
                new java.util.TreeMap<>(plan.shortBy()), jurorsPerEntry, effectiveSeed, loads[0], loads[1]);
        audit.record(AuditAction.ASSIGNMENT_RUN, c.id, AuditLog.Subject.of("competition", c.id), null,
                Map.of("jurorsPerEntry", jurorsPerEntry, "seed", effectiveSeed, "added", plan.added().size(),
                        "entriesShortOfJurors", result.entriesShortOfJurors(), "roundId", round.id,
                        "round", round.kind));
        return result;
    }

    /** The round a run assigns: the first not closed. */
    private static JudgingRound currentRound(Competition c) {
        return JudgingRound.current(c.id).orElseThrow(() -> ProblemException.conflict(
                "Every round of competition " + c.id + " is closed: there is nothing left to assign"));
    }

    /** What a reassignment moved: the entries that lost the juror's unfinished work, and who took them. */
    public record Moved(int moved, List<AssignmentPlanner.Pair> added) {
    }

    /**
     * Moves a juror's unfinished work in a round (no vote yet; no submitted or abstained scorecard)
     * to other eligible jurors, never back to that juror: the unfinished assignments go, and the
     * planner brings those entries back to the round's k. Refused (409), with nothing changed, when
     * an entry would be left short because nobody else is eligible. The caller holds the
     * competition's exclusive lock, so no vote or scorecard of that juror lands in between.
     */
    public Moved reassign(Competition c, JudgingRound round, long fromJurorId) {
        String unfinished = round.kind == RoundKind.SCREENING
                ? "select v.entry_id from screening_vote v join entry e on e.id = v.entry_id where v.round_id = :rid"
                        + " and v.juror_id = :jid and v.vote is null and e.status = 'SUBMITTED' and e.hold is null"
                : "select a.entry_id from assignment a join entry e on e.id = a.entry_id where a.competition_id = :cid"
                        + " and a.juror_id = :jid and e.status = 'SUBMITTED' and e.hold is null and not exists"
                        + " (select 1 from scorecard s where s.entry_id = a.entry_id and s.juror_id = a.juror_id"
                        + " and s.status in ('SUBMITTED', 'ABSTAINED'))";
        jakarta.persistence.Query q = em.createNativeQuery(unfinished + " order by 1").setParameter("jid", fromJurorId);
        q.setParameter(round.kind == RoundKind.SCREENING ? "rid" : "cid", round.kind == RoundKind.SCREENING
                ? round.id : c.id);
        @SuppressWarnings("unchecked")
        List<Long> entryIds = ((List<Number>) q.getResultList()).stream().map(Number::longValue).toList();
        if (entryIds.isEmpty()) {
            throw ProblemException.conflict("Juror " + fromJurorId + " has no unfinished work in this round");
        }
        // A draft scorecard stays (it is the juror's, and counts for nothing); only the assignment goes.
        em.createNativeQuery(round.kind == RoundKind.SCREENING
                        ? "delete from screening_vote where round_id = :rid and juror_id = :jid and entry_id in (:ids)"
                        : "delete from assignment where competition_id = :rid and juror_id = :jid and entry_id in (:ids)")
                .setParameter("rid", round.kind == RoundKind.SCREENING ? round.id : c.id)
                .setParameter("jid", fromJurorId).setParameter("ids", entryIds).executeUpdate();
        State state = load(c, round);
        Map<Long, Set<Long>> excluded = new HashMap<>(state.excluded);
        entryIds.forEach(id -> excluded.computeIfAbsent(id, x -> new HashSet<>()).add(fromJurorId));
        Set<Long> targets = Set.copyOf(entryIds);
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(
                state.entries.stream().filter(e -> targets.contains(e.entryId())).toList(), state.pool,
                state.counted, excluded, state.conflicts, round.jurorsPerEntry == null ? 1 : round.jurorsPerEntry,
                c.id);
        if (!plan.shortBy().isEmpty()) {
            throw ProblemException.conflict("Nobody else is eligible for " + plan.shortBy().size() + " of juror "
                    + fromJurorId + "'s unfinished entries (conflicts, panels): nothing was moved; excuse the juror"
                    + " or accept fewer jurors for those entries instead",
                    Map.of("entriesShortOfJurors", new java.util.TreeMap<>(plan.shortBy())));
        }
        persist(c, round, plan.added());
        return new Moved(entryIds.size(), plan.added());
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
        return run(c, JudgingRound.rubric(c.id).orElseThrow(), Set.copyOf(entryIds), null, reason);
    }

    /**
     * Brings the given entries of an open SCREENING round back to the round's k counted jurors (after
     * a conflict: the conflicted juror's vote no longer counts), as new screening work. Does nothing
     * once the round is not open, or outside OPEN and JUDGING.
     */
    private TopUp topUpScreening(long competitionId, long roundId, Collection<Long> entryIds, String reason) {
        Competition c = lockForPlanning(competitionId);
        JudgingRound round = JudgingRound.findById(roundId);
        if (!assignable(c) || round == null || round.status != RoundStatus.OPEN || round.jurorsPerEntry == null
                || entryIds.isEmpty()) {
            return new TopUp(reason, List.of(), Map.of());
        }
        return run(c, round, Set.copyOf(entryIds), null, reason);
    }

    /** One more counted juror for one entry (an organiser's REQUEST_JUROR); null if nobody is eligible. */
    public Long addJuror(long competitionId, long entryId, String reason) {
        Competition c = lockForPlanning(competitionId);
        requireAssignable(c, "Asking another juror");
        TopUp topUp = run(c, JudgingRound.rubric(c.id).orElseThrow(), Set.of(entryId), 1, reason);
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
     * juror's writes on one entry then happen one after the other, on every instance. In the same
     * statement the entry's row is locked shared: an erasure, which holds it for update while it
     * redacts the entry's scorecards, then either committed before (and the entry, read after this,
     * says so) or waits for this write and redacts it (docs/privacy.md, "Erasure").
     */
    public void lockPair(long entryId, long jurorId) {
        em.createNativeQuery("select a.id from assignment a join entry e on e.id = a.entry_id"
                        + " where a.entry_id = ?1 and a.juror_id = ?2 for update of a for share of e")
                .setParameter(1, entryId).setParameter(2, jurorId).getResultList();
    }

    /**
     * The juror's work on entries of this school in competitions still open or judging, in
     * competition, round and entry order: RUBRIC assignments (round null), and screening rows of
     * SCREENING rounds open now. A conflict with the school changes which of it counts.
     */
    private List<Object[]> workWithSchool(long jurorId, long schoolId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.competition_id, cast(null as bigint) as round_id, a.entry_id from assignment a
                        join entry e on e.id = a.entry_id
                        join competition c on c.id = a.competition_id
                        where a.juror_id = :jid and e.school_id = :sid and c.status in ('OPEN', 'JUDGING')
                        union all
                        select r.competition_id, r.id, v.entry_id from screening_vote v
                        join entry e on e.id = v.entry_id
                        join judging_round r on r.id = v.round_id and r.kind = 'SCREENING' and r.status = 'OPEN'
                        join competition c on c.id = r.competition_id
                        where v.juror_id = :jid and e.school_id = :sid and c.status in ('OPEN', 'JUDGING')
                        order by 1, 2 nulls first, 3""")
                .setParameter("jid", jurorId).setParameter("sid", schoolId).getResultList();
        return rows;
    }

    /**
     * Takes the shared lock of every competition, open or judging, in which this juror has work on
     * entries of this school (assigned, or screening in an open round), and of every competition on
     * whose FINAL round's jury they sit while it is not closed (frozen by then), in id order: a
     * conflict declared or lifted changes which of their scorecards, votes and ballots count, so it
     * must not land in the middle of a freeze or a round's close (the final close checks its jury
     * for conflicts and then seals their ballots).
     */
    public void lockCompetitionsOf(long jurorId, long schoolId) {
        @SuppressWarnings("unchecked")
        List<Number> finalJuries = em.createNativeQuery("select f.competition_id from round_jury j"
                        + " join judging_round f on f.id = j.round_id and f.kind = 'FINAL' and f.status <> 'CLOSED'"
                        + " where j.juror_id = :jid")
                .setParameter("jid", jurorId).getResultList();
        java.util.stream.Stream.concat(workWithSchool(jurorId, schoolId).stream().map(r -> (Number) r[0]),
                        finalJuries.stream()).map(Number::longValue).distinct().sorted()
                .forEach(competitions::lockShared);
    }

    /**
     * After a conflict: tops up this juror's entries from that school in every competition still
     * judging: the RUBRIC round's assignments to the competition's k, an open SCREENING round's
     * votes to the round's k (docs/judging.md §1: each entry keeps its number of counted jurors).
     */
    public Reassignment topUpAfterConflict(long jurorId, long schoolId) {
        List<Object[]> rows = workWithSchool(jurorId, schoolId);
        // (competition, round or null for the RUBRIC assignments) → entries, in the rows' order.
        Map<List<Long>, Set<Long>> byWork = new LinkedHashMap<>();
        for (Object[] r : rows) {
            List<Long> key = java.util.Arrays.asList(((Number) r[0]).longValue(),
                    r[1] == null ? null : ((Number) r[1]).longValue());
            byWork.computeIfAbsent(key, x -> new HashSet<>()).add(((Number) r[2]).longValue());
        }
        int added = 0;
        int stillShort = 0;
        String reason = "conflict declared by or for juror " + jurorId;
        for (Map.Entry<List<Long>, Set<Long>> w : byWork.entrySet()) {
            long competitionId = w.getKey().get(0);
            Long roundId = w.getKey().get(1);
            TopUp t = roundId == null ? topUp(competitionId, w.getValue(), reason)
                    : topUpScreening(competitionId, roundId, w.getValue(), reason);
            added += t.added().size();
            stillShort += t.shortBy().size();
        }
        return new Reassignment(rows.size(), added, stillShort);
    }

    /** Tops up entries of the round (RUBRIC: to the competition's k, SCREENING: to the round's) or adds {@code extra}. */
    private TopUp run(Competition c, JudgingRound round, Set<Long> entryIds, Integer extra, String reason) {
        State state = load(c, round);
        List<AssignmentPlanner.EntryToAssign> targets = state.entries.stream()
                .filter(e -> entryIds.contains(e.entryId())).toList();
        if (targets.isEmpty()) {
            if (extra == null) {
                // A top-up of entries that left judging meanwhile (withdrawn, or held for a safeguarding review).
                return new TopUp(reason, List.of(), Map.of());
            }
            throw ProblemException.notFound("Submitted entry " + entryIds + " in competition " + c.id);
        }
        int k = extra != null ? state.counted.getOrDefault(targets.get(0).entryId(), Set.of()).size() + extra
                : round.kind == RoundKind.SCREENING ? round.jurorsPerEntry : c.jurorsPerEntry;
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(targets, state.pool, state.counted, state.excluded,
                state.conflicts, k, c.id);
        persist(c, round, plan.added());
        TopUp topUp = new TopUp(reason, plan.added(), new java.util.TreeMap<>(plan.shortBy()));
        if (!plan.added().isEmpty() || !plan.shortBy().isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("reason", topUp.reason());
            after.put("added", topUp.added());
            after.put("shortBy", topUp.shortBy());
            after.put("roundId", round.id);
            after.put("round", round.kind);
            audit.record(AuditAction.JURORS_REASSIGNED, c.id, AuditLog.Subject.of("competition", c.id), null, after);
        }
        return topUp;
    }

    /** Stores new pairs as the round's work: screening rows (SCREENING), or assignments (RUBRIC). */
    private void persist(Competition c, JudgingRound round, List<AssignmentPlanner.Pair> pairs) {
        for (AssignmentPlanner.Pair p : pairs) {
            if (round.kind == RoundKind.SCREENING) {
                ScreeningVote v = new ScreeningVote();
                v.roundId = round.id;
                v.entryId = p.entryId();
                v.jurorId = p.jurorId();
                v.persist();
                continue;
            }
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

    /**
     * The round's entries (submitted, not held, and advanced from the round before if there is one)
     * and its work so far. A conflicted juror no longer counts; in the RUBRIC round neither does one
     * who abstained (a screening ABSTAIN is a vote, and counts).
     */
    private State load(Competition c, JudgingRound round) {
        long previous = round.previous().map(r -> r.id).orElse(-1L);
        @SuppressWarnings("unchecked")
        List<AssignmentPlanner.EntryToAssign> entries = ((List<Object[]>) em.createNativeQuery("""
                        select e.id, e.school_id, k.code from entry e join category k on k.id = e.category_id
                        where e.competition_id = :cid and e.status = 'SUBMITTED' and e.hold is null
                          and (:prev < 0 or exists (select 1 from round_outcome o
                                                    where o.round_id = :prev and o.entry_id = e.id and o.advanced))
                        order by e.id""")
                .setParameter("cid", c.id).setParameter("prev", previous).getResultList()).stream()
                .map(r -> new AssignmentPlanner.EntryToAssign(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2]))
                .toList();
        List<AssignmentPlanner.JurorSlot> pool = pool(c.id, round.id);
        Map<Long, Set<Long>> counted = new HashMap<>();
        Map<Long, Set<Long>> excluded = new HashMap<>();
        String work = round.kind == RoundKind.SCREENING ? """
                        select a.entry_id, a.juror_id,
                               exists (select 1 from conflict cf where cf.juror_id = a.juror_id and cf.school_id = e.school_id)
                        from screening_vote a join entry e on e.id = a.entry_id
                        where a.round_id = :rid""" : """
                        select a.entry_id, a.juror_id,
                               exists (select 1 from conflict cf where cf.juror_id = a.juror_id and cf.school_id = e.school_id)
                            or exists (select 1 from scorecard s where s.entry_id = a.entry_id and s.juror_id = a.juror_id
                                       and s.status = 'ABSTAINED') as dropped
                        from assignment a join entry e on e.id = a.entry_id
                        where a.competition_id = :cid""";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(work)
                .setParameter(round.kind == RoundKind.SCREENING ? "rid" : "cid",
                        round.kind == RoundKind.SCREENING ? round.id : c.id).getResultList();
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

    /**
     * The one place that says who may be assigned in a round: the round's own jury when it has one,
     * else the competition's jury (its panel members), else every juror; in each case only jurors
     * whose account is not deactivated ({@link Juror#ACTIVE}): a deactivated juror cannot sign in to
     * do the work, so a run, a top-up or a reassignment never picks them.
     */
    private static List<AssignmentPlanner.JurorSlot> pool(long competitionId, long roundId) {
        Set<Long> deactivated = Juror.deactivated();
        return candidates(competitionId, roundId).stream().filter(s -> !deactivated.contains(s.jurorId())).toList();
    }

    private static List<AssignmentPlanner.JurorSlot> candidates(long competitionId, long roundId) {
        List<org.juryroom.rounds.RoundJury> own = org.juryroom.rounds.RoundJury.ofRound(roundId);
        if (!own.isEmpty()) {
            return own.stream().map(m -> new AssignmentPlanner.JurorSlot(m.jurorId, Set.of(m.categories))).toList();
        }
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
