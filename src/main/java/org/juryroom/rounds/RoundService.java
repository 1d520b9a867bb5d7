package org.juryroom.rounds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.judging.AssignmentPlanner;
import org.juryroom.judging.AssignmentService;
import org.juryroom.judging.Conflict;
import org.juryroom.ranking.RankingQuery;
import org.juryroom.ranking.RankingService;
import org.juryroom.ranking.Shortlist;
import org.juryroom.ranking.ShortlistService;
import org.juryroom.ranking.math.RankingParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A competition's rounds: the list (editable while a round is pending), the close-preview, the
 * close with remedies, and moving a missing juror's work to others (docs/judging.md, "Rounds").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class RoundService {

    public record RoundView(long id, int position, RoundKind kind, String name, Integer jurorsPerEntry, Integer quorum,
                            Integer advanceTop, Integer places, Integer mentions, Instant closesAt, RoundStatus status,
                            Instant openedAt, Instant closedAt, String closeReason) {
        static RoundView of(JudgingRound r) {
            return new RoundView(r.id, r.position, r.kind, r.name, r.jurorsPerEntry, r.quorum, r.advanceTop, r.places,
                    r.mentions, r.closesAt, r.status, r.openedAt, r.closedAt, r.closeReason);
        }
    }

    /** One round in a PUT; what GET adds (position, status, times) may be sent back and is ignored. */
    @JsonIgnoreProperties(value = {"position", "status", "openedAt", "closedAt", "closeReason"})
    public record RoundRequest(Long id, RoundKind kind, String name, Integer jurorsPerEntry, Integer quorum,
                               Integer advanceTop, Integer places, Integer mentions, Instant closesAt) {
        RoundRules.Spec spec() {
            return new RoundRules.Spec(id, kind, name == null ? null : name.strip(), jurorsPerEntry, quorum, advanceTop,
                    places, mentions, closesAt);
        }
    }

    /** {@code result}: a FINAL round's provisional result over the ballots cast so far (null otherwise). */
    public record Preview(long roundId, RoundKind kind, List<Long> advancing, List<Long> notAdvancing,
                          List<Long> boundary, List<RoundWork.Missing> missing, FinalService.Provisional result) {
        Preview(long roundId, RoundKind kind, List<Long> advancing, List<Long> notAdvancing, List<Long> boundary,
                List<RoundWork.Missing> missing) {
            this(roundId, kind, advancing, notAdvancing, boundary, missing, null);
        }
    }

    public record CloseRequest(String reason, List<Long> excuse, List<Long> acceptFewer) {
    }

    /** {@code digest}: the shortlist's seal when the RUBRIC round closed, the result's when the FINAL round did. */
    public record Closed(RoundView round, List<Long> advancing, List<Long> notAdvancing,
                         List<RoundWork.RemedyView> remedies, String digest, FinalService.ResultView result) {
        Closed(RoundView round, List<Long> advancing, List<Long> notAdvancing, List<RoundWork.RemedyView> remedies,
               String digest) {
            this(round, advancing, notAdvancing, remedies, digest, null);
        }
    }

    public record ReassignRequest(Long fromJurorId, String reason) {
    }

    /** {@code to}: juror id → how many pieces of work they took over. */
    public record Reassigned(long roundId, long fromJurorId, int moved, Map<Long, Integer> to,
                             RoundWork.RemedyView remedy) {
    }

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final AssignmentService assignments;
    private final RankingService ranking;
    private final ShortlistService shortlists;
    private final RoundWork work;
    private final FinalService finals;
    private final AuditLog audit;
    private final EntityManager em;

    public RoundService(CompetitionService competitions, AccessPolicy access, AssignmentService assignments,
                        RankingService ranking, ShortlistService shortlists, RoundWork work, FinalService finals,
                        AuditLog audit, EntityManager em) {
        this.finals = finals;
        this.competitions = competitions;
        this.access = access;
        this.assignments = assignments;
        this.ranking = ranking;
        this.shortlists = shortlists;
        this.work = work;
        this.audit = audit;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoundView> list(long competitionId) {
        access.requireOrganiser("Reading the rounds");
        competitions.get(competitionId);
        return JudgingRound.ofCompetition(competitionId).stream().map(RoundView::of).toList();
    }

    /**
     * Replaces the list. Rounds already opened or closed must be sent back unchanged, at their
     * place (409 otherwise); pending rounds not sent are removed, those sent with their id updated,
     * those without an id added. Refused (409) once the shortlist is frozen.
     */
    public List<RoundView> replace(long competitionId, List<RoundRequest> request) {
        access.requireOrganiser("Changing the rounds");
        Competition c = competitions.lockExclusive(competitionId);
        if (c.status == CompetitionStatus.FROZEN || c.status == CompetitionStatus.PUBLISHED) {
            throw ProblemException.conflict("The shortlist is frozen: the rounds can no longer be changed");
        }
        List<RoundRules.Spec> specs = request == null ? List.of()
                : request.stream().map(r -> r == null ? null : r.spec()).toList();
        Map<Long, JudgingRound> existing = new HashMap<>();
        JudgingRound.ofCompetition(c.id).forEach(r -> existing.put(r.id, r));
        Map<Long, Instant> closing = new HashMap<>();
        existing.values().forEach(r -> closing.put(r.id, r.closesAt));
        var violations = new ArrayList<>(RoundRules.violations(specs, c.shortlistSize));
        violations.addAll(RoundRules.pastClosingTimes(specs, closing, Instant.now()));
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The rounds break " + violations.size()
                    + (violations.size() == 1 ? " rule" : " rules"), violations);
        }
        List<RoundView> before = existing.values().stream().map(RoundView::of).toList();
        for (int i = 0; i < specs.size(); i++) {
            RoundRules.Spec s = specs.get(i);
            if (s.id() != null && !existing.containsKey(s.id())) {
                throw ProblemException.unprocessable("rounds[" + i + "].id", "is not a round of this competition");
            }
        }
        for (JudgingRound r : existing.values()) {
            if (r.status == RoundStatus.PENDING) {
                continue;
            }
            int at = r.position - 1;
            if (at >= specs.size() || !Objects.equals(specs.get(at).id(), r.id) || !unchanged(r, specs.get(at))) {
                throw ProblemException.conflict("Round '" + r.name + "' is " + r.status + ": it must be sent back"
                        + " unchanged at position " + r.position + " (only pending rounds can be changed)");
            }
        }
        List<Long> kept = specs.stream().map(RoundRules.Spec::id).filter(Objects::nonNull).toList();
        // Deleted first and by query: the flush would insert the new rounds before removing the old.
        em.createQuery("delete from JudgingRound r where r.competitionId = :cid and r.status = :pending"
                        + " and r.id not in :kept")
                .setParameter("cid", c.id).setParameter("pending", RoundStatus.PENDING)
                .setParameter("kept", kept.isEmpty() ? List.of(-1L) : kept)
                .executeUpdate();
        for (int i = 0; i < specs.size(); i++) {
            RoundRules.Spec s = specs.get(i);
            JudgingRound r = s.id() == null ? new JudgingRound() : existing.get(s.id());
            if (r.status != RoundStatus.PENDING) {
                continue;
            }
            r.competitionId = c.id;
            r.position = i + 1;
            r.kind = s.kind();
            r.name = s.name();
            r.jurorsPerEntry = s.jurorsPerEntry();
            r.quorum = s.quorum();
            r.advanceTop = s.advanceTop();
            r.places = s.places();
            r.mentions = s.mentions();
            r.closesAt = s.closesAt();
            if (r.id == null) {
                r.persist();
            }
        }
        em.flush();
        List<RoundView> after = JudgingRound.ofCompetition(c.id).stream().map(RoundView::of).toList();
        audit.record(AuditAction.ROUNDS_CHANGED, c.id, AuditLog.Subject.of("competition", c.id), before, after);
        return after;
    }

    private static boolean unchanged(JudgingRound r, RoundRules.Spec s) {
        return r.kind == s.kind() && Objects.equals(r.name, s.name())
                && (s.jurorsPerEntry() == null || Objects.equals(r.jurorsPerEntry, s.jurorsPerEntry()))
                && Objects.equals(r.quorum, s.quorum()) && Objects.equals(r.advanceTop, s.advanceTop())
                && Objects.equals(r.places, s.places()) && Objects.equals(r.mentions, s.mentions())
                && Objects.equals(r.closesAt, s.closesAt());
    }

    private static JudgingRound round(Competition c, long roundId) {
        return JudgingRound.<JudgingRound>findByIdOptional(roundId).filter(r -> r.competitionId.equals(c.id))
                .orElseThrow(() -> ProblemException.notFound("Round " + roundId + " of competition " + c.id));
    }

    /** What closing would decide now, and what is missing; nothing is written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(long competitionId, long roundId) {
        access.requireOrganiser("Previewing a round's close");
        Competition c = competitions.get(competitionId);
        JudgingRound r = round(c, roundId);
        if (r.status == RoundStatus.CLOSED) {
            List<Long> in = outcome(r, true);
            return new Preview(r.id, r.kind, in, outcome(r, false), List.of(), List.of());
        }
        if (r.kind == RoundKind.FINAL && r.status == RoundStatus.OPEN) {
            FinalService.Provisional p = finals.provisional(r);
            List<Long> in = p == null ? List.of() : java.util.stream.Stream.concat(
                    p.places().stream().flatMap(x -> x.entryIds().stream()), p.mentions().stream()).sorted().toList();
            List<Long> out = finals.candidates(r).stream().filter(e -> !in.contains(e)).toList();
            return new Preview(r.id, r.kind, in, out, List.of(), work.missing(r), p);
        }
        // A FINAL round not open yet: 409, its ballots are not open (no ballot is missing before they are).
        ScreeningRule.Outcome o = decide(c, r);
        return new Preview(r.id, r.kind, o.advancing(), o.notAdvancing(), o.boundary(), work.missing(r));
    }

    @SuppressWarnings("unchecked")
    private List<Long> outcome(JudgingRound r, boolean advanced) {
        return ((List<Number>) em.createNativeQuery("select entry_id from round_outcome where round_id = :rid"
                        + " and advanced = :adv order by entry_id")
                .setParameter("rid", r.id).setParameter("adv", advanced).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** The round's outcome from the work committed so far: the screening rule, or the ranking's top N. */
    private ScreeningRule.Outcome decide(Competition c, JudgingRound r) {
        return switch (r.kind) {
            case SCREENING -> ScreeningRule.decide(tallies(r), r.quorum, r.advanceTop);
            case RUBRIC -> rubricOutcome(c);
            case FINAL -> throw ProblemException.conflict("A FINAL round is decided by the final jury's ballots,"
                    + " which are not open yet");
        };
    }

    /**
     * Per entry of the round, its YES, NO and ABSTAIN votes, counted by the database: the round's
     * entries are those advanced from the round before (or, first, every submitted entry), and a
     * vote counts unless its juror has since declared a conflict with the entry's school.
     */
    @SuppressWarnings("unchecked")
    List<ScreeningRule.Tally> tallies(JudgingRound r) {
        long previous = r.previous().map(p -> p.id).orElse(-1L);
        List<Object[]> rows = em.createNativeQuery("""
                        select e.id,
                               count(v.id) filter (where v.vote = 'YES'),
                               count(v.id) filter (where v.vote = 'NO'),
                               count(v.id) filter (where v.vote = 'ABSTAIN')
                        from entry e
                        left join screening_vote v on v.entry_id = e.id and v.round_id = :rid
                             and """ + Conflict.notConflicted("v.juror_id", "e.school_id") + """

                        where e.competition_id = :cid and e.status = 'SUBMITTED'
                          and (:prev < 0 or exists (select 1 from round_outcome o where o.round_id = :prev
                                                    and o.entry_id = e.id and o.advanced))
                        group by e.id order by e.id""")
                .setParameter("rid", r.id).setParameter("cid", r.competitionId).setParameter("prev", previous)
                .getResultList();
        return rows.stream().map(x -> new ScreeningRule.Tally(((Number) x[0]).longValue(),
                ((Number) x[1]).intValue(), ((Number) x[2]).intValue(), ((Number) x[3]).intValue())).toList();
    }

    /** The RUBRIC round: the top shortlistSize by the live ranking advance; the near-cut margin either side is the boundary. */
    private ScreeningRule.Outcome rubricOutcome(Competition c) {
        List<Long> in = new ArrayList<>();
        TreeSet<Long> out = new TreeSet<>();
        List<Long> boundary = new ArrayList<>();
        int margin = RankingParams.DEFAULT_NEAR_CUT_MARGIN;
        for (RankingQuery.Row row : ranking.live(c)) {
            (row.rank() <= c.shortlistSize ? in : out).add(row.entryId());
            if (row.rank() > c.shortlistSize - margin && row.rank() <= c.shortlistSize + margin) {
                boundary.add(row.entryId());
            }
        }
        @SuppressWarnings("unchecked")
        List<Number> judged = em.createNativeQuery("select distinct a.entry_id from assignment a join entry e"
                + " on e.id = a.entry_id where a.competition_id = :cid and e.status = 'SUBMITTED'")
                .setParameter("cid", c.id).getResultList();
        judged.forEach(n -> {
            if (!in.contains(n.longValue())) {
                out.add(n.longValue());
            }
        });
        in.sort(null);
        boundary.sort(null);
        return new ScreeningRule.Outcome(in, List.copyOf(out), boundary);
    }

    /**
     * Closes the current round. SCREENING: under the competition's exclusive lock (every vote holds
     * it shared), so the outcome counts exactly the votes committed before; RUBRIC: the shortlist
     * freeze. Either way remedies are recorded first and missing work is refused (409).
     */
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 900) // the RUBRIC close is the freeze
    public Closed close(long competitionId, long roundId, CloseRequest request) {
        access.requireOrganiser("Closing a round");
        CloseRequest req = request == null ? new CloseRequest(null, List.of(), List.of()) : request;
        if (req.reason() != null && req.reason().length() > RoundWork.MAX_REASON) {
            throw ProblemException.unprocessable("reason", "at most " + RoundWork.MAX_REASON + " characters");
        }
        RoundWork.Remedies remedies = new RoundWork.Remedies(req.reason(), req.excuse(), req.acceptFewer());
        Competition c = competitions.lockExclusive(competitionId);
        JudgingRound r = round(c, roundId);
        if (r.kind == RoundKind.RUBRIC) {
            Shortlist s = shortlists.freeze(competitionId, remedies, req.reason()); // checks the reason's names
            // The freeze closed this same managed round; flush it (a refresh would undo the close).
            em.flush();
            return new Closed(RoundView.of(r), outcome(r, true), outcome(r, false), work.remedies(r), s.digest);
        }
        if (!remedies.any()) {
            work.requireNamesNoOne(competitionId, req.reason()); // kept as the close reason; remedies check their own
        }
        r = work.requireCurrent(c, roundId, r.kind);
        if (r.kind == RoundKind.FINAL && r.status == RoundStatus.OPEN) {
            work.record(r, remedies, access.currentUser().username());
            work.requireComplete(r);
            FinalResult f = finals.close(c, r, req.reason(), access.currentUser().username());
            return new Closed(RoundView.of(r), outcome(r, true), outcome(r, false), work.remedies(r), f.digest,
                    FinalService.view(f));
        }
        if (r.kind == RoundKind.FINAL) {
            throw ProblemException.conflict("Round '" + r.name + "' opens when the shortlist is frozen");
        }
        if (r.status != RoundStatus.OPEN) {
            throw ProblemException.conflict("Round '" + r.name + "' has not opened: assign its jurors first"
                    + " (POST /api/competitions/" + c.id + "/assignments)");
        }
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Closing a round");
        work.record(r, remedies, access.currentUser().username());
        work.requireComplete(r);
        ScreeningRule.Outcome o = decide(c, r);
        work.close(r, o.advancing(), o.notAdvancing(), req.reason(), access.currentUser().username());
        return new Closed(RoundView.of(r), o.advancing(), o.notAdvancing(), work.remedies(r), null);
    }

    /** Moves a juror's unfinished work in the current round to other eligible jurors, as a recorded remedy. */
    public Reassigned reassign(long competitionId, long roundId, ReassignRequest request) {
        access.requireOrganiser("Reassigning a juror's work");
        if (request == null || request.fromJurorId() == null) {
            throw ProblemException.unprocessable("fromJurorId", "must name the juror whose unfinished work moves");
        }
        Competition c = competitions.lockExclusive(competitionId);
        JudgingRound r = round(c, roundId);
        r = work.requireCurrent(c, roundId, r.kind);
        if (r.kind == RoundKind.FINAL || r.status != RoundStatus.OPEN) {
            throw ProblemException.conflict("Round '" + r.name + "' has no assigned work to move");
        }
        AssignmentService.Moved moved = assignments.reassign(c, r, request.fromJurorId());
        RoundRemedy remedy = work.recordReassign(r, request.fromJurorId(), moved.moved(), request.reason(),
                access.currentUser().username());
        Map<Long, Integer> to = new TreeMap<>();
        moved.added().forEach((AssignmentPlanner.Pair p) -> to.merge(p.jurorId(), 1, Integer::sum));
        return new Reassigned(r.id, request.fromJurorId(), moved.moved(), to, RoundWork.RemedyView.of(remedy));
    }
}
