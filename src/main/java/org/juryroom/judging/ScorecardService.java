package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.competition.Criterion;
import org.juryroom.entry.Entry;
import org.juryroom.ranking.RankingQuery;
import org.juryroom.ranking.math.Scorecards;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A juror's scorecards: drafts, submission, abstention, only while the competition is judging.
 *
 * <p>Concurrency: every scorecard has a version, sent as the ETag. A write that names the version
 * it was based on (If-Match, or {@code version} in the body) is refused with 412 when the
 * scorecard has moved on, so two tabs cannot silently overwrite each other. A write that names no
 * version is accepted (the first write has none to name). A write that changes nothing is not a
 * write: the version stays and the answer is the same, so a retried PUT is harmless.
 *
 * <p>Writes of one juror on one entry are serialised by the row lock of their assignment (PostgreSQL,
 * so across instances): parallel PUTs each see the one before and answer 200 or 412, never a lost
 * update. Every write holds the competition's lock shared, so none lands across the freeze, and the
 * entry's row shared (taken with the assignment's, before the entry and the scorecard are read), so
 * none races an erasure: an erased entry's scorecards are not written any more (409), and no erased
 * name comes back into a comment or the audit trail. Lock order, as the erasure's: the competition,
 * then the entry, then its scorecards.
 *
 * <p>Independent opinions: a juror reads the other jurors' marks for an entry only after submitting
 * their own, and once they have read them ({@link Scorecard#peersReadAt}) their own is final, so
 * that nobody submits placeholder marks, reads the others' and then moves theirs. The reading is
 * recorded under the same assignment row lock as the saves: a save either committed before the read
 * (and the reader saw the marks it left) or comes after and is refused.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ScorecardService {

    /**
     * @param scores        criterion code → score (may be partial for a DRAFT, ignored for ABSTAINED)
     * @param status        DRAFT, SUBMITTED or ABSTAINED
     * @param abstainReason required with ABSTAINED
     * @param version       the version this write is based on (alternative to If-Match)
     */
    public record ScorecardRequest(Map<String, Integer> scores, @Size(max = 5000) String comment,
                                   @NotNull ScorecardStatus status, @Size(max = 1000) String abstainReason,
                                   Long version) {

        /** A draft or a submission, with no version to check. */
        public ScorecardRequest(Map<String, Integer> scores, String comment, ScorecardStatus status) {
            this(scores, comment, status, null, null);
        }
    }

    /** {@code peersReadAt}: when the juror first read the other jurors' marks; from then the scorecard is final. */
    public record ScorecardView(Long entryId, String code, ScorecardStatus status, Map<String, Integer> scores,
                                String comment, Double total, long version, Instant updatedAt, String abstainReason,
                                Instant peersReadAt) {
    }

    /** A write's outcome: the scorecard, and whether anything changed. */
    public record Saved(ScorecardView scorecard, boolean changed) {
    }

    /** Another juror's scorecard as a juror sees it: the marks, never who gave them. */
    public record PeerScorecard(Map<String, Integer> scores, double total) {
    }

    /**
     * A scorecard as the organiser sees it.
     *
     * @param total           the weighted total (0–100) of complete marks, else null
     * @param normalisedTotal what the ranking counts for it (the competition's normalisation); null when it does not count
     */
    public record JuryScorecard(long scorecardId, long jurorId, String jurorName, ScorecardStatus status,
                                Map<String, Integer> scores, Double total, Double normalisedTotal, String comment,
                                String abstainReason, boolean counted, long version, Instant updatedAt) {
    }

    /**
     * The scorecards of one entry; {@code others} for jurors, {@code all} for organisers with {@code scorecards},
     * the counted ones as an adjudication names what it was decided on ({@link #decidedOn}).
     */
    public record EntryScorecards(long entryId, String code, List<PeerScorecard> others, List<JuryScorecard> all,
                                  String scorecards) {
    }

    /**
     * The counted scorecards among these as {@code id:version,...} in id order: what an organiser who read them
     * decides on (AdjudicationRequest.scorecards), in the form RankingQuery#fingerprints gives the current ones.
     */
    public static String decidedOn(List<JuryScorecard> cards) {
        return cards.stream().filter(JuryScorecard::counted).sorted(Comparator.comparingLong(JuryScorecard::scorecardId))
                .map(s -> s.scorecardId() + ":" + s.version()).collect(java.util.stream.Collectors.joining(","));
    }

    private final AccessPolicy access;
    private final CompetitionService competitions;
    private final AssignmentService assignments;
    private final RankingQuery ranking;
    private final AuditLog audit;
    private final jakarta.persistence.EntityManager em;

    public ScorecardService(AccessPolicy access, CompetitionService competitions, AssignmentService assignments,
                            RankingQuery ranking, AuditLog audit, jakarta.persistence.EntityManager em) {
        this.em = em;
        this.access = access;
        this.competitions = competitions;
        this.assignments = assignments;
        this.ranking = ranking;
        this.audit = audit;
    }

    /** Saves without a precondition (the foundation's contract; the web form uses it). */
    public ScorecardView save(long entryId, @Valid @NotNull ScorecardRequest request) {
        return save(entryId, request, null).scorecard();
    }

    public Saved save(long entryId, @Valid @NotNull ScorecardRequest request, String ifMatch) {
        return save(entryId, request, ifMatch, null);
    }

    /** {@code ifNoneMatch}: "*" makes this the first save only (two windows opened before either saved). */
    public Saved save(long entryId, @Valid @NotNull ScorecardRequest request, String ifMatch, String ifNoneMatch) {
        competitions.lockSharedOfEntry(entryId);
        // The pair's lock (and the entry's, shared) before the access check reads the entry and this juror's
        // scorecard: they are then read once, as locked.
        if (access.currentUser().isJuror()) {
            assignments.lockPair(entryId, access.currentUser().jurorId());
        }
        Entry e = access.scorableEntry(entryId);
        Competition c = e.competition;
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Scoring");
        if (e.personalDataErasedAt != null || e.erasureReason != null) {
            throw ProblemException.conflict("The entry's personal data was erased; it can no longer be changed");
        }
        Map<Long, Integer> scores = request.status() == ScorecardStatus.ABSTAINED ? Map.of() : validScores(c, request);
        String reason = null;
        if (request.status() == ScorecardStatus.ABSTAINED) {
            // A reason that shows nothing (zero-width or format characters only) is no reason, as an empty one.
            reason = org.juryroom.common.NfcText.optional(request.abstainReason());
            if (reason == null) {
                throw ProblemException.unprocessable("abstainReason", "say why you abstain from scoring this entry");
            }
        }
        long jurorId = access.currentUser().jurorId();
        Scorecard card = Scorecard.of(entryId, jurorId).orElse(null);
        // One that shows nothing is no comment: an organiser would read an empty one.
        String comment = request.status() == ScorecardStatus.ABSTAINED ? null
                : org.juryroom.common.NfcText.optional(request.comment());
        if (card != null && card.status == request.status() && card.scores.equals(scores)
                && Objects.equals(card.comment, comment) && Objects.equals(card.abstainReason, reason)) {
            // The same state again (a retry, a double click): RFC 9110 lets us answer 2xx, and nothing is written.
            return new Saved(view(e, card), false);
        }
        if (card != null && card.peersReadAt != null) {
            // Read under the pair's lock, as the read recorded it: no read slips in before this save commits.
            throw ProblemException.conflict("You have read the other jurors' scorecards for this entry, so yours is"
                    + " final: if it must change, ask the organisers");
        }
        checkPrecondition(card, expectedVersion(ifMatch, ifNoneMatch, request.version()));
        ScorecardStatus from = card == null ? null : card.status;
        if (from == ScorecardStatus.ABSTAINED) {
            throw ProblemException.conflict("You abstained from this entry; an abstention is final");
        }
        if (from == ScorecardStatus.SUBMITTED && request.status() == ScorecardStatus.DRAFT) {
            throw ProblemException.conflict("A submitted scorecard can be corrected but not turned back into a draft");
        }
        Object before = card == null ? null : audited(c, card);
        if (card == null) {
            card = new Scorecard();
            card.entryId = entryId;
            card.jurorId = jurorId;
        }
        card.scores.clear();
        card.scores.putAll(scores);
        card.comment = comment;
        card.status = request.status();
        card.abstainReason = reason;
        card.updatedAt = Instant.now();
        card.persist();
        card.flush(); // the new version is the ETag of the answer
        AuditAction action = request.status() == ScorecardStatus.ABSTAINED ? AuditAction.SCORECARD_ABSTAINED
                : request.status() == ScorecardStatus.SUBMITTED && from != ScorecardStatus.SUBMITTED
                ? AuditAction.SCORECARD_SUBMITTED : AuditAction.SCORECARD_CHANGED;
        audit.record(action, c.id, AuditLog.Subject.of("scorecard", card.id), before, audited(c, card));
        if (request.status() == ScorecardStatus.ABSTAINED) {
            assignments.topUp(c.id, Set.of(entryId), "juror " + jurorId + " abstained from entry " + e.code);
        }
        return new Saved(view(e, card), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScorecardView mine(long entryId) {
        Entry e = access.scorableEntry(entryId);
        Scorecard card = Scorecard.of(entryId, access.currentUser().jurorId())
                .orElseThrow(() -> ProblemException.notFound("Your scorecard for entry " + entryId));
        return view(e, card);
    }

    /**
     * The scorecards of an entry. Organisers: all of them, with juror names and whether each counts.
     * Jurors: only after submitting their own, only the others' counted scorecards, without names,
     * comments or times, in order of total (never in an order that would identify a juror). A juror
     * shown at least one makes their own scorecard final ({@link Scorecard#peersReadAt}, recorded
     * once, under the pair's lock as every save of it is taken).
     */
    public EntryScorecards ofEntry(long entryId) {
        if (access.currentUser().isJuror()) {
            // The locks of a save, in its order (and with its bounded wait): the read is then before or after it.
            competitions.lockSharedOfEntry(entryId);
            assignments.lockPair(entryId, access.currentUser().jurorId());
        }
        Entry e = access.scorecardsEntry(entryId);
        if (access.rights(e).seeJurorNames()) {
            List<JuryScorecard> all = evidence(e.competition.id, List.of(e.id)).get(e.id);
            return new EntryScorecards(e.id, e.code, null, all, decidedOn(all));
        }
        long me = access.currentUser().jurorId();
        List<PeerScorecard> others = peers(e, me);
        if (!others.isEmpty()) {
            // Nothing read, nothing fixed: a look before anyone else has submitted leaves the card open.
            // clock_timestamp(), not now(): the moment of the read, after any save it waited for.
            em.createNativeQuery("update scorecard set peers_read_at = clock_timestamp()"
                            + " where entry_id = ?1 and juror_id = ?2 and peers_read_at is null")
                    .setParameter(1, entryId).setParameter(2, me).executeUpdate();
        }
        return new EntryScorecards(e.id, e.code, others, null, null);
    }

    /**
     * The other jurors' marks again, for a juror whose own scorecard is final since they read them (the jury
     * page shows them on every visit): nothing to record, so no lock and no write; empty for anyone else.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeerScorecard> readAgain(long entryId) {
        Entry e = access.scorecardsEntry(entryId);
        long me = access.currentUser().jurorId();
        boolean read = Scorecard.of(entryId, me).map(s -> s.peersReadAt != null).orElse(false);
        return read ? peers(e, me) : List.of();
    }

    /** The other jurors' counted scorecards of an entry, without names, in order of total. */
    private List<PeerScorecard> peers(Entry e, long me) {
        Set<Long> counted = ranking.countedScorecardIds(e.competition.id, e.id);
        return Scorecard.<Scorecard>list("entryId = ?1 order by id", e.id).stream()
                .filter(s -> s.jurorId != me && counted.contains(s.id))
                .map(s -> view(e, s))
                .map(v -> new PeerScorecard(v.scores(), v.total()))
                .sorted(Comparator.comparingDouble(PeerScorecard::total).reversed()
                        .thenComparing(p -> p.scores().toString()))
                .toList();
    }

    /**
     * The evidence behind a decision, for organisers: every scorecard of these entries (of one
     * competition), by id, with the juror's name, marks, comment, raw and normalised totals.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<JuryScorecard>> evidence(long competitionId, List<Long> entryIds) {
        access.requireOrganiser("Reading every juror's scorecards");
        Map<Long, List<JuryScorecard>> out = new LinkedHashMap<>();
        if (entryIds.isEmpty()) {
            return out;
        }
        Competition c = competitions.get(competitionId);
        Map<Long, Double> normalised = ranking.normalisedValues(c, entryIds);
        for (Long entryId : entryIds) {
            Entry e = Entry.findById(entryId);
            if (e == null || !e.competition.id.equals(competitionId)) {
                throw ProblemException.notFound("Entry " + entryId);
            }
            Set<Long> counted = ranking.countedScorecardIds(competitionId, entryId);
            List<Scorecard> cards = Scorecard.list("entryId = ?1 order by id", entryId);
            out.put(entryId, cards.stream().map(s -> {
                ScorecardView v = view(e, s);
                return new JuryScorecard(s.id, s.jurorId, Juror.<Juror>findById(s.jurorId).name, s.status, v.scores(),
                        v.total(), normalised.get(s.id), s.comment, s.abstainReason, counted.contains(s.id), s.version,
                        s.updatedAt);
            }).toList());
        }
        return out;
    }

    /** A violation as the juror reads it, naming the criterion: "Originality has no score yet". */
    private static String inWords(Competition c, org.juryroom.ranking.math.Violation v, Map<String, Integer> given) {
        Criterion k = c.criteria.stream().filter(x -> x.code.equals(v.criterion())).findFirst().orElse(null);
        if (k == null) {
            return "there is no criterion '" + v.criterion() + "' in this rubric";
        }
        Integer score = given.get(k.code);
        return score == null ? k.name + " has no score yet"
                : k.name + ": " + score + " is not on the scale from " + k.minScore + " to " + k.maxScore;
    }

    private static Map<Long, Integer> validScores(Competition c, ScorecardRequest request) {
        Map<String, Integer> given = request.scores() == null ? Map.of() : request.scores();
        List<org.juryroom.ranking.math.Criterion> rubric = rubric(c);
        List<org.juryroom.ranking.math.Violation> violations = Scorecards.validate(rubric, given);
        if (request.status() == ScorecardStatus.DRAFT) {
            // A draft may leave criteria blank, but what it does say must be valid.
            violations = violations.stream().filter(v -> given.containsKey(v.criterion())
                    || rubric.stream().noneMatch(k -> k.code().equals(v.criterion()))).toList();
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The scorecard has invalid scores", violations.stream()
                    .map(v -> new Problem.Violation("scores." + v.criterion(), inWords(c, v, given))).toList());
        }
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (Criterion k : c.criteria) {
            Integer value = given.get(k.code);
            if (value != null) {
                scores.put(k.id, value);
            }
        }
        return scores;
    }

    /** Expected by If-None-Match: *, a first save: there must be no scorecard yet. */
    static final long NONE_YET = -2L;

    /**
     * The version a write is based on: If-Match wins over If-None-Match, which wins over the body; null when none
     * names one; -1 for any version (If-Match: *), {@link #NONE_YET} for none (If-None-Match: *).
     */
    static Long expectedVersion(String ifMatch, String ifNoneMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
                return bodyVersion;
            }
            if (!ifNoneMatch.strip().equals("*")) {
                throw ProblemException.badRequest("If-None-Match on a scorecard save can only be *: the first save,"
                        + " refused if there is a scorecard already");
            }
            return NONE_YET;
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return -1L;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be the ETag of the scorecard, e.g. \"3\"");
        }
    }

    private static void checkPrecondition(Scorecard card, Long expected) {
        if (expected == null) {
            return;
        }
        boolean holds = expected == NONE_YET ? card == null
                : expected == -1L ? card != null : card != null && card.version == expected;
        if (!holds) {
            throw new ProblemException(412, "Precondition failed", card == null
                    ? "You have no scorecard for this entry yet; send the first one without If-Match"
                    : expected == NONE_YET
                    ? "You have a scorecard for this entry already (version " + card.version
                    + "): reload it and apply your change again"
                    : "The scorecard changed since version " + expected + " (now " + card.version
                    + "): reload it and apply your change again",
                    List.of(), card == null ? Map.of() : Map.of("currentVersion", card.version));
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Map<String, Object> audited(Competition c, Scorecard card) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("entryId", card.entryId);
        v.put("jurorId", card.jurorId);
        v.put("status", card.status);
        v.put("scores", byCode(c, card));
        v.put("comment", card.comment);
        v.put("abstainReason", card.abstainReason);
        return v;
    }

    private static Map<String, Integer> byCode(Competition c, Scorecard card) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        for (Criterion k : c.criteria) {
            Integer v = card.scores.get(k.id);
            if (v != null) {
                byCode.put(k.code, v);
            }
        }
        return byCode;
    }

    private static ScorecardView view(Entry e, Scorecard card) {
        Map<String, Integer> byCode = byCode(e.competition, card);
        List<org.juryroom.ranking.math.Criterion> rubric = rubric(e.competition);
        Double total = card.status != ScorecardStatus.ABSTAINED && Scorecards.validate(rubric, byCode).isEmpty()
                ? Scorecards.weightedTotal(rubric, byCode) : null;
        return new ScorecardView(e.id, e.code, card.status, byCode, card.comment, total, card.version, card.updatedAt,
                card.abstainReason, card.peersReadAt);
    }

    static List<org.juryroom.ranking.math.Criterion> rubric(Competition c) {
        return c.criteria.stream().map(k -> new org.juryroom.ranking.math.Criterion(k.code, k.weight.doubleValue(),
                k.minScore, k.maxScore)).toList();
    }
}
