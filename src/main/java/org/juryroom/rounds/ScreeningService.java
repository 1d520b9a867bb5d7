package org.juryroom.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A juror's screening vote: YES, NO or ABSTAIN with an optional comment, while the round is open. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ScreeningService {

    public static final int MAX_COMMENT = 2000;

    public record VoteRequest(ScreeningVote.Vote vote, String comment) {
    }

    public record VoteView(long entryId, long roundId, ScreeningVote.Vote vote, String comment, Instant votedAt) {
    }

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final AuditLog audit;

    public ScreeningService(CompetitionService competitions, AccessPolicy access, AuditLog audit) {
        this.competitions = competitions;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Casts or changes the caller's vote. Under the competition's shared lock, like a scorecard: a
     * close (exclusive) either counts the vote or, having closed the round first, makes it a 404
     * (the entry has left the juror's queue) — never counted after the close.
     */
    public VoteView vote(long entryId, VoteRequest request) {
        competitions.lockSharedOfEntry(entryId);
        Entry e = access.screenableEntry(entryId);
        CompetitionService.requireStatus(e.competition, CompetitionStatus.JUDGING, "Screening");
        if (request == null || request.vote() == null) {
            throw ProblemException.unprocessable("vote", "must be YES, NO or ABSTAIN");
        }
        // One that shows nothing (zero-width characters) is no comment: an organiser would read an empty one.
        String comment = org.juryroom.common.NfcText.optional(request.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ProblemException.unprocessable("comment", "at most " + MAX_COMMENT + " characters");
        }
        ScreeningVote v = mine(e);
        ScreeningVote.getEntityManager().lock(v, LockModeType.PESSIMISTIC_WRITE);
        ScreeningVote.getEntityManager().refresh(v);
        // An erasure locks the votes after the entry: it either redacts this comment once the vote commits,
        // or it committed first, and then no comment comes back (docs/privacy.md, "Erasure").
        ScreeningVote.getEntityManager().refresh(e);
        if (e.personalDataErasedAt != null || e.erasureReason != null) {
            throw ProblemException.conflict("The entry's personal data was erased; it can no longer be changed");
        }
        if (v.vote == request.vote() && Objects.equals(v.comment, comment)) {
            return view(v); // the same vote again (a retry): nothing written
        }
        Map<String, Object> before = v.vote == null ? null : Map.of("vote", v.vote);
        v.vote = request.vote();
        v.comment = comment;
        v.votedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("vote", v.vote);
        after.put("roundId", v.roundId);
        audit.record(AuditAction.SCREENING_VOTED, e.competition.id, AuditLog.Subject.of("entry", e.id), before, after);
        return view(v);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VoteView mine(long entryId) {
        return view(mine(access.screenableEntry(entryId)));
    }

    private ScreeningVote mine(Entry e) {
        return ScreeningVote.<ScreeningVote>find("entryId = ?1 and jurorId = ?2 and roundId in"
                        + " (select r.id from JudgingRound r where r.status = ?3)", e.id,
                access.currentUser().jurorId(), RoundStatus.OPEN)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Entry " + e.id));
    }

    private static VoteView view(ScreeningVote v) {
        return new VoteView(v.entryId, v.roundId, v.vote, v.comment, v.votedAt);
    }
}
