package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryStatus;
import org.juryroom.judging.AssignmentService;
import org.juryroom.judging.Juror;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Organisers' decisions on entries whose jurors disagree. The freeze needs, for every flagged
 * entry in or near the cut, a CONFIRM made on the scorecards that count now: a decision made
 * before a scorecard changed (or before the extra juror asked for has scored) no longer holds.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AdjudicationService {

    /**
     * @param scorecards the counted scorecards the organiser decided on, as the evidence showed them
     *                   ({@code id:version,...}); when given and no longer the ones that count, 412
     */
    public record AdjudicationRequest(@NotNull Long entryId, @NotNull Adjudication.Decision decision,
                                      @Size(max = 2000) String note, @Size(max = 20000) String scorecards) {

        public AdjudicationRequest(Long entryId, Adjudication.Decision decision, String note) {
            this(entryId, decision, note, null);
        }
    }

    /**
     * @param current whether the decision was made on the scorecards that count now
     */
    public record AdjudicationView(long id, long entryId, String code, Adjudication.Decision decision, String note,
                                   BigDecimal spread, Long addedJurorId, String addedJurorName, String decidedBy,
                                   Instant decidedAt, boolean current) {
    }

    private final CompetitionService competitions;
    private final AssignmentService assignments;
    private final RankingQuery ranking;
    private final AccessPolicy access;
    private final AuditLog audit;

    public AdjudicationService(CompetitionService competitions, AssignmentService assignments, RankingQuery ranking,
                               AccessPolicy access, AuditLog audit) {
        this.competitions = competitions;
        this.assignments = assignments;
        this.ranking = ranking;
        this.access = access;
        this.audit = audit;
    }

    public AdjudicationView decide(long competitionId, @Valid @NotNull AdjudicationRequest request) {
        access.requireOrganiser("Adjudicating");
        // Shared: a decision lands wholly before a freeze (which then reads it) or finds it FROZEN.
        Competition c = competitions.lockShared(competitionId);
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Adjudicating");
        Entry e = Entry.findById(request.entryId());
        if (e == null || !e.competition.id.equals(competitionId) || e.status != EntryStatus.SUBMITTED) {
            throw ProblemException.unprocessable("entryId", "no submitted entry " + request.entryId()
                    + " in competition " + competitionId);
        }
        String current = ranking.fingerprint(competitionId, e.id);
        if (request.scorecards() != null && !request.scorecards().strip().equals(current)) {
            // A decision is not made blind: a scorecard changed (or came, or went) since the evidence was read.
            throw new ProblemException(412, "Precondition failed", "The scores of entry " + e.code
                    + " changed since you read them: read the evidence again and decide on what counts now",
                    List.of(), Map.of("currentScorecards", current));
        }
        double[] totals = ranking.rawTotals(competitionId, e.id);
        Adjudication a = new Adjudication();
        a.competitionId = competitionId;
        a.entryId = e.id;
        a.decision = request.decision();
        a.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        a.scorecards = current;
        a.spread = totals.length == 0 ? null
                : BigDecimal.valueOf(totals[totals.length - 1] - totals[0]).setScale(6, RoundingMode.HALF_EVEN);
        if (request.decision() == Adjudication.Decision.REQUEST_JUROR) {
            a.addedJurorId = assignments.addJuror(competitionId, e.id, "organiser asked for another juror on " + e.code);
            if (a.addedJurorId == null) {
                throw ProblemException.conflict("No eligible juror is left for entry " + e.code
                        + " (all are assigned, conflicted, abstained or outside its category panel); confirm instead");
            }
        }
        a.decidedBy = access.currentUser().username();
        a.decidedAt = Instant.now();
        a.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("entryId", e.id);
        after.put("code", e.code);
        after.put("decision", a.decision);
        after.put("note", a.note);
        after.put("spread", a.spread);
        after.put("scorecards", a.scorecards);
        after.put("addedJurorId", a.addedJurorId);
        audit.record(AuditAction.ADJUDICATION, competitionId, AuditLog.Subject.of("entry", e.id), null, after);
        return view(a, e.code, a.scorecards);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdjudicationView> list(long competitionId) {
        competitions.get(competitionId);
        List<Adjudication> all = Adjudication.list("competitionId = ?1 order by id", competitionId);
        Map<Long, String> now = ranking.fingerprints(competitionId,
                all.stream().map(a -> a.entryId).distinct().toList());
        return all.stream().map(a -> view(a, Entry.<Entry>findById(a.entryId).code, now.get(a.entryId))).toList();
    }

    /** For each entry: whether its latest decision is a CONFIRM made on the scorecards that count now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Boolean> confirmedNow(long competitionId, List<Long> entryIds) {
        Map<Long, String> now = ranking.fingerprints(competitionId, entryIds);
        Map<Long, Boolean> out = new HashMap<>();
        for (Long id : entryIds) {
            out.put(id, Adjudication.latest(competitionId, id)
                    .map(a -> a.decision == Adjudication.Decision.CONFIRM && a.scorecards.equals(now.get(id)))
                    .orElse(false));
        }
        return out;
    }

    private static AdjudicationView view(Adjudication a, String code, String currentFingerprint) {
        String jurorName = a.addedJurorId == null ? null : Juror.<Juror>findById(a.addedJurorId).name;
        return new AdjudicationView(a.id, a.entryId, code, a.decision, a.note, a.spread, a.addedJurorId, jurorName,
                a.decidedBy, a.decidedAt, a.scorecards.equals(currentFingerprint));
    }
}
