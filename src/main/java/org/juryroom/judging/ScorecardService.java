package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.Criterion;
import org.juryroom.entry.Entry;
import org.juryroom.ranking.math.Scorecards;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A juror's scorecards: saved as drafts, submitted complete, only while the competition is judging. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ScorecardService {

    public record ScorecardRequest(@NotNull Map<String, Integer> scores, @Size(max = 5000) String comment,
                                   @NotNull ScorecardStatus status) {
    }

    public record ScorecardView(Long entryId, String code, ScorecardStatus status, Map<String, Integer> scores,
                                String comment, Double total, long version, Instant updatedAt) {
    }

    private final AccessPolicy access;

    public ScorecardService(AccessPolicy access) {
        this.access = access;
    }

    public ScorecardView save(long entryId, @Valid @NotNull ScorecardRequest request) {
        Entry e = access.scorableEntry(entryId);
        Competition c = e.competition;
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Scoring");
        List<org.juryroom.ranking.math.Criterion> rubric = rubric(c);
        List<org.juryroom.ranking.math.Violation> violations = Scorecards.validate(rubric, request.scores());
        if (request.status() == ScorecardStatus.DRAFT) {
            // A draft may leave criteria blank, but what it does say must be valid.
            violations = violations.stream().filter(v -> request.scores().containsKey(v.criterion())
                    || rubric.stream().noneMatch(k -> k.code().equals(v.criterion()))).toList();
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The scorecard has invalid scores", violations.stream()
                    .map(v -> new Problem.Violation("scores." + v.criterion(), v.message())).toList());
        }
        long jurorId = access.currentUser().jurorId();
        Scorecard card = Scorecard.of(entryId, jurorId).orElseGet(() -> {
            Scorecard s = new Scorecard();
            s.entryId = entryId;
            s.jurorId = jurorId;
            return s;
        });
        if (card.status == ScorecardStatus.SUBMITTED && request.status() == ScorecardStatus.DRAFT) {
            throw ProblemException.conflict("A submitted scorecard can be corrected but not turned back into a draft");
        }
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (Criterion k : c.criteria) {
            Integer value = request.scores().get(k.code);
            if (value != null) {
                scores.put(k.id, value);
            }
        }
        card.scores.clear();
        card.scores.putAll(scores);
        card.comment = request.comment();
        card.status = request.status();
        card.updatedAt = Instant.now();
        card.persist();
        return view(e, card);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScorecardView mine(long entryId) {
        Entry e = access.scorableEntry(entryId);
        Scorecard card = Scorecard.of(entryId, access.currentUser().jurorId())
                .orElseThrow(() -> ProblemException.notFound("Your scorecard for entry " + entryId));
        return view(e, card);
    }

    private static ScorecardView view(Entry e, Scorecard card) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (Criterion k : e.competition.criteria) {
            Integer v = card.scores.get(k.id);
            if (v != null) {
                byCode.put(k.code, v);
            }
        }
        List<org.juryroom.ranking.math.Criterion> rubric = rubric(e.competition);
        Double total = Scorecards.validate(rubric, byCode).isEmpty() ? Scorecards.weightedTotal(rubric, byCode) : null;
        return new ScorecardView(e.id, e.code, card.status, byCode, card.comment, total, card.version, card.updatedAt);
    }

    static List<org.juryroom.ranking.math.Criterion> rubric(Competition c) {
        return c.criteria.stream().map(k -> new org.juryroom.ranking.math.Criterion(k.code, k.weight.doubleValue(),
                k.minScore, k.maxScore)).toList();
    }
}
