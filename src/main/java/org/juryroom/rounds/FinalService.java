package org.juryroom.rounds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.Problem;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.entry.Entry;
import org.juryroom.entry.EntryViews;
import org.juryroom.judging.Juror;
import org.juryroom.judging.PanelService;
import org.juryroom.rounds.math.CanonicalJson;
import org.juryroom.rounds.math.Schulze;
import org.juryroom.rounds.math.SchulzeResult;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round's own jury, and the FINAL round: the final jurors' ballots over the shortlist, the close
 * that combines them by the Schulze method and seals the result, the result and its verification
 * (docs/judging.md, "The final round").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class FinalService {

    public static final int SEAL_FORMAT = 1;

    public record Jury(List<PanelService.Member> members) {
    }

    public record JuryView(long roundId, RoundKind kind, List<PanelService.MemberView> members) {
    }

    public record BallotRequest(List<List<Long>> order) {
    }

    /** A shortlisted entry as the final jury sees it: blind (no school, no names). */
    /** {@code thumbnailFileId}: as in the jury queue, the first file with a thumbnail, or null. */
    public record Candidate(long entryId, String code, String title, String category, Long thumbnailFileId) {
    }

    /** {@code order} null until the juror has cast a ballot. */
    public record BallotView(long roundId, RoundStatus roundStatus, List<List<Long>> order, Long version,
                             Instant castAt, List<Candidate> candidates) {
    }

    public record Place(int place, List<Long> entryIds) {
    }

    /** The result as the organiser and, once published, the public read it: no juror is named. */
    public record ResultView(long roundId, String method, List<Place> places, List<Long> mentions,
                             Map<String, Map<String, Integer>> pairwise, int ballots, String digest, Instant closedAt) {

        /**
         * The result as shown to anyone but the organisers: without the entries withheld since (held, excluded,
         * withdrawn, erased), as the public shortlist and gallery show it; places keep their numbers. The seal
         * and its verification are over the stored result, untouched.
         */
        ResultView without(java.util.Set<Long> withheld) {
            if (withheld.isEmpty()) {
                return this;
            }
            List<Place> shown = places.stream().map(p -> new Place(p.place(), p.entryIds().stream()
                    .filter(id -> !withheld.contains(id)).toList())).filter(p -> !p.entryIds().isEmpty()).toList();
            Map<String, Map<String, Integer>> pairs = new java.util.LinkedHashMap<>();
            pairwise.forEach((a, row) -> {
                if (!withheld.contains(Long.valueOf(a))) {
                    Map<String, Integer> kept = new java.util.LinkedHashMap<>();
                    row.forEach((b, n) -> {
                        if (!withheld.contains(Long.valueOf(b))) {
                            kept.put(b, n);
                        }
                    });
                    pairs.put(a, kept);
                }
            });
            return new ResultView(roundId, method, shown, mentions.stream().filter(id -> !withheld.contains(id))
                    .toList(), pairs, ballots, digest, closedAt);
        }
    }

    /** What closing would decide now; {@code result} null while no ballot is cast. */
    public record Provisional(List<Place> places, List<Long> mentions, int ballots) {
    }

    public record Verification(boolean valid, String digest, String recomputedDigest, boolean digestMatches,
                               boolean jsonMatches, boolean awardsMatch, List<String> differences) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final RoundWork work;
    private final AuditLog audit;
    private final EntityManager em;
    private final org.juryroom.judging.JuryQueueService queue;
    private final CloseHooks hooks;

    public FinalService(CompetitionService competitions, AccessPolicy access, RoundWork work, AuditLog audit,
                        EntityManager em, org.juryroom.judging.JuryQueueService queue, CloseHooks hooks) {
        this.hooks = hooks;
        this.competitions = competitions;
        this.access = access;
        this.work = work;
        this.audit = audit;
        this.em = em;
        this.queue = queue;
    }

    private static JudgingRound round(Competition c, long roundId) {
        return JudgingRound.<JudgingRound>findByIdOptional(roundId).filter(r -> r.competitionId.equals(c.id))
                .orElseThrow(() -> ProblemException.notFound("Round " + roundId + " of competition " + c.id));
    }

    // ---------------------------------------------------------------- the round's jury

    @Transactional(Transactional.TxType.SUPPORTS)
    public JuryView jury(long competitionId, long roundId) {
        access.requireOrganiser("Reading a round's jury");
        JudgingRound r = round(competitions.get(competitionId), roundId);
        return new JuryView(r.id, r.kind, views(r));
    }

    /**
     * Replaces a round's jury while the round is not closed. A FINAL round's jury must not include
     * a juror with a conflict with the school of a candidate (409 naming them), once the shortlist
     * is known; the freeze that opens the round, the ballot, the preview and the close refuse such
     * a juror too (a conflict declared later).
     */
    public JuryView replaceJury(long competitionId, long roundId, Jury request) {
        access.requireOrganiser("Setting a round's jury");
        Competition c = competitions.lockExclusive(competitionId);
        JudgingRound r = round(c, roundId);
        if (r.status == RoundStatus.CLOSED) {
            throw ProblemException.conflict("Round '" + r.name + "' is closed already");
        }
        List<PanelService.Member> members = request == null || request.members() == null ? null : request.members();
        if (members == null) {
            throw ProblemException.unprocessable("members", "must list the round's jurors (an empty list: none)");
        }
        List<Problem.Violation> violations = PanelService.violations(c, members, "members");
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("The jury cannot be set as described", violations);
        }
        if (r.kind == RoundKind.FINAL) {
            // Whenever the candidates are known (none while the shortlist is not frozen).
            FinalCandidates.requireNoConflict(r, members.stream().map(PanelService.Member::jurorId).toList());
        }
        List<PanelService.MemberView> before = views(r);
        // The bulk delete bypasses the persistence context: forget the loaded rows, so that keeping a
        // member persists a new row instead of clashing with the stale one (a 500 before).
        RoundJury.ofRound(r.id).forEach(em::detach);
        em.createQuery("delete from RoundJury j where j.roundId = :rid").setParameter("rid", r.id).executeUpdate();
        for (PanelService.Member m : members) {
            RoundJury j = new RoundJury();
            j.roundId = r.id;
            j.jurorId = m.jurorId();
            j.categories = m.categories() == null ? new String[0]
                    : m.categories().stream().distinct().sorted().toArray(String[]::new);
            j.persist();
        }
        em.flush();
        List<PanelService.MemberView> after = views(r);
        if (!after.equals(before)) {
            audit.record(AuditAction.ROUND_JURY_CHANGED, c.id, AuditLog.Subject.of("round", r.id), before, after);
        }
        return new JuryView(r.id, r.kind, after);
    }

    private static List<PanelService.MemberView> views(JudgingRound r) {
        return RoundJury.ofRound(r.id).stream().map(m -> new PanelService.MemberView(m.jurorId,
                Juror.<Juror>findById(m.jurorId).name, List.of(m.categories))).toList();
    }

    // ---------------------------------------------------------------- ballots

    /** The FINAL round's candidates: the shortlist's entries still submitted and not held ({@link FinalCandidates}). */
    List<Long> candidates(JudgingRound r) {
        return FinalCandidates.of(r);
    }

    /**
     * The FINAL round if the caller is on its jury; 404 otherwise (the round is not theirs to see);
     * 409 while they have a conflict with a candidate's school (the ballot, the ranking page).
     */
    private JudgingRound finalRoundOfCaller(Competition c, long roundId) {
        JudgingRound r = JudgingRound.<JudgingRound>findByIdOptional(roundId)
                .filter(x -> x.competitionId.equals(c.id) && x.kind == RoundKind.FINAL).orElse(null);
        if (r == null || !access.currentUser().isJuror() || !RoundJury.member(r.id, access.currentUser().jurorId())) {
            throw ProblemException.notFound("Round " + roundId + " of competition " + c.id);
        }
        if (!FinalCandidates.conflicted(r, List.of(access.currentUser().jurorId())).isEmpty()) {
            throw ProblemException.conflict("You have a conflict with the school of a shortlisted entry:"
                    + " ask the organiser to take you off the final jury");
        }
        return r;
    }

    /**
     * Casts or replaces the caller's ballot. Under the competition's shared lock: the close
     * (exclusive) either counts it or, having closed the round first, makes it a 409 — never
     * counted after the close.
     */
    public BallotView cast(long competitionId, long roundId, BallotRequest request) {
        Competition c = competitions.lockShared(competitionId);
        JudgingRound r = finalRoundOfCaller(c, roundId);
        if (r.status != RoundStatus.OPEN) {
            throw ProblemException.conflict("Round '" + r.name + "' is not open for ballots ("
                    + r.status + ")");
        }
        long juror = access.currentUser().jurorId();
        List<Long> candidates = requireCandidates(r, candidates(r));
        List<List<Long>> order = request == null ? null : request.order();
        Schulze.BallotCheck check = Schulze.check(candidates, order);
        if (order == null || !check.valid()) {
            List<Problem.Violation> wrong = new ArrayList<>();
            if (order == null) {
                wrong.add(new Problem.Violation("order", "must list every shortlisted entry once, best first"));
            }
            check.problems().forEach(p -> wrong.add(new Problem.Violation("order", p)));
            throw ProblemException.unprocessable("The ballot must rank every shortlisted entry exactly once", wrong);
        }
        String ballot = CanonicalJson.write(canonical(order));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // One statement: two saves of the same juror at once cannot both insert.
        int changed = em.createNativeQuery("insert into final_ballot (round_id, juror_id, ballot, version, cast_at)"
                        + " values (:rid, :j, :b, 1, :at) on conflict (round_id, juror_id) do update"
                        + " set ballot = excluded.ballot, version = final_ballot.version + 1, cast_at = excluded.cast_at"
                        + " where final_ballot.ballot <> excluded.ballot")
                .setParameter("rid", r.id).setParameter("j", juror).setParameter("b", ballot).setParameter("at", now)
                .executeUpdate();
        FinalBallot b = FinalBallot.of(r.id, juror).orElseThrow();
        em.refresh(b);
        if (changed > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("roundId", r.id);
            after.put("version", b.version);
            after.put("groups", order.size());
            audit.record(AuditAction.BALLOT_CAST, c.id, AuditLog.Subject.of("round", r.id), null, after);
        }
        return view(r, b);
    }

    /** Whether the caller is a juror on the competition's FINAL round's jury (the jury desk links the ranking page). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean onFinalJury(long competitionId) {
        return access.currentUser().isJuror() && RoundJury.count("roundId in (select r.id from JudgingRound r"
                + " where r.competitionId = ?1 and r.kind = ?2) and jurorId = ?3", competitionId, RoundKind.FINAL,
                access.currentUser().jurorId()) > 0;
    }

    /** The competition's FINAL round, for the juror's ranking page; 404 if it has none or the caller is not on its jury. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long finalRoundOf(long competitionId) {
        Competition c = competitions.get(competitionId);
        JudgingRound r = JudgingRound.<JudgingRound>find("competitionId = ?1 and kind = ?2", c.id, RoundKind.FINAL)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Final round of competition " + c.id));
        return finalRoundOfCaller(c, r.id).id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BallotView mine(long competitionId, long roundId) {
        JudgingRound r = finalRoundOfCaller(competitions.get(competitionId), roundId);
        return view(r, FinalBallot.of(r.id, access.currentUser().jurorId()).orElse(null));
    }

    private BallotView view(JudgingRound r, FinalBallot b) {
        List<Long> ids = candidates(r);
        Map<Long, Long> thumbnails = queue.thumbnails(ids);
        List<Candidate> candidates = ids.stream().map(id -> {
            Entry e = Entry.findById(id);
            return new Candidate(e.id, e.code, EntryViews.blindTitle(e), e.category.code, thumbnails.get(id));
        }).sorted(java.util.Comparator.comparing(Candidate::code)).toList(); // by the random code: no creation order
        return new BallotView(r.id, r.status, b == null ? null : parse(b.ballot), b == null ? null : b.version,
                b == null ? null : b.castAt, candidates);
    }

    private static List<List<Long>> canonical(List<List<Long>> order) {
        return order.stream().map(g -> g.stream().sorted().toList()).toList();
    }

    private static List<List<Long>> parse(String ballot) {
        try {
            return JSON.readValue(ballot, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ballot is not JSON", e);
        }
    }

    // ---------------------------------------------------------------- close, result, seal

    /**
     * The provisional result over the ballots cast so far; null when none is. Refused (409) as the
     * close is: while a shortlisted entry is held or a jury member is conflicted.
     */
    public Provisional provisional(JudgingRound r) {
        List<Long> candidates = requireDecidable(r);
        List<FinalBallot> ballots = FinalBallot.ofJury(r.id);
        if (ballots.isEmpty()) {
            return null;
        }
        SchulzeResult res = Schulze.compute(candidates, counted(candidates, ballots));
        SchulzeResult.Awards a = res.awards(r.places, r.mentions == null ? 0 : r.mentions);
        return new Provisional(places(a), a.mentions(), ballots.size());
    }

    /** Every finalist withdrawn or excluded: there is nothing to rank or decide (an empty ballot would pass). */
    private static List<Long> requireCandidates(JudgingRound r, List<Long> candidates) {
        if (candidates.isEmpty()) {
            throw ProblemException.conflict("No shortlisted entry is left in round '" + r.name
                    + "': every one was withdrawn or excluded, so there is nothing to decide");
        }
        return candidates;
    }

    private static void requireNoneHeld(JudgingRound r) {
        long held = FinalCandidates.held(r);
        if (held > 0) {
            throw ProblemException.conflict(held + (held == 1
                    ? " shortlisted entry is held for a safeguarding review: the final round can be decided once"
                    + " the safeguarding lead has released or excluded it"
                    : " shortlisted entries are held for a safeguarding review: the final round can be decided once"
                    + " the safeguarding lead has released or excluded them"),
                    Map.of("held", held));
        }
    }

    /**
     * Nothing is decided over the final jury's ballots while a shortlisted entry is HELD (it may come
     * back, as at the freeze) or while a jury member has a conflict with a candidate's school (the
     * organiser takes them off the jury; their ballot then no longer counts). Returns the candidates
     * read once, after the check: the caller decides over this list and no other.
     */
    private List<Long> requireDecidable(JudgingRound r) {
        requireNoneHeld(r);
        hooks.afterHeldCheck(r.competitionId);
        FinalCandidates.requireJuryWithoutConflict(r);
        // An entry released from a hold after a ballot was cast is not on it: that juror ranks again.
        List<Long> candidates = requireCandidates(r, FinalCandidates.of(r));
        // A concern never waits for the close (it takes no competition lock): a hold that came after the check
        // above and left its entry out of the candidates is seen by this second count, and the close refused.
        requireNoneHeld(r);
        List<FinalBallot> ballots = FinalBallot.ofJury(r.id);
        List<List<List<Long>>> counted = counted(candidates, ballots);
        List<Long> stale = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            if (!Schulze.check(candidates, counted.get(i)).valid()) {
                stale.add(ballots.get(i).jurorId);
            }
        }
        if (!stale.isEmpty()) {
            throw ProblemException.conflict("The rankings of jurors " + stale + " do not place every shortlisted"
                    + " entry: each must save their ranking again", Map.of("stale", stale));
        }
        return candidates;
    }

    /**
     * The ballots as counted: each drops the ids that are no longer candidates (an entry withdrawn or
     * excluded after the ballot was cast) and the tie groups left empty.
     */
    private static List<List<List<Long>>> counted(List<Long> candidates, List<FinalBallot> ballots) {
        java.util.Set<Long> in = new java.util.HashSet<>(candidates);
        return ballots.stream().map(b -> parse(b.ballot).stream()
                .map(g -> g.stream().filter(in::contains).toList()).filter(g -> !g.isEmpty()).toList()).toList();
    }

    private static List<Place> places(SchulzeResult.Awards a) {
        return a.places().stream().map(p -> new Place(p.place(), p.entryIds())).toList();
    }

    /**
     * Closes the FINAL round: the caller holds the competition's exclusive lock and has checked that
     * it is the current, open round with nothing missing. Computes Schulze over the jury's ballots,
     * stores the sealed result and the awards, and closes the round with the awarded entries advancing.
     */
    public FinalResult close(Competition c, JudgingRound r, String reason, String actor) {
        List<Long> candidates = requireDecidable(r);
        if (FinalBallot.ofJury(r.id).isEmpty()) {
            throw ProblemException.conflict("No ballot has been cast in round '" + r.name + "': there is no result");
        }
        Map<String, Object> sealed = sealed(c, r, candidates);
        FinalResult f = new FinalResult();
        f.roundId = r.id;
        f.competitionId = c.id;
        f.canonicalJson = CanonicalJson.write(sealed);
        f.digest = CanonicalJson.sha256(f.canonicalJson);
        f.closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        f.persist();
        em.flush();
        SchulzeResult.Awards a = (SchulzeResult.Awards) sealed.get("awards");
        List<Long> awarded = new ArrayList<>();
        for (SchulzeResult.Place p : a.places()) {
            for (long e : p.entryIds()) {
                award(r, e, p.place());
                awarded.add(e);
            }
        }
        for (long e : a.mentions()) {
            award(r, e, null);
            awarded.add(e);
        }
        @SuppressWarnings("unchecked")
        List<Long> rest = ((List<Long>) sealed.get("candidates")).stream().filter(e -> !awarded.contains(e)).toList();
        work.close(r, awarded.stream().sorted().toList(), rest, reason, actor);
        return f;
    }

    private void award(JudgingRound r, long entryId, Integer place) {
        em.createNativeQuery("insert into final_award (round_id, entry_id, place) values (:r, :e, :p)")
                .setParameter("r", r.id).setParameter("e", entryId).setParameter("p", place).executeUpdate();
    }

    /**
     * Everything the result rests on, from the stored rows: the candidates, each counted ballot with
     * its juror, the method and its tie-break seed, the Schulze result, the awards and the remedies.
     * The close seals it over the candidates then; verification rebuilds it over the sealed candidates
     * (not the entries' live status, which may change after the close) and compares.
     */
    private Map<String, Object> sealed(Competition c, JudgingRound r, List<Long> candidates) {
        List<FinalBallot> ballots = FinalBallot.ofJury(r.id);
        List<List<List<Long>>> counted = counted(candidates, ballots);
        SchulzeResult res = Schulze.compute(candidates, counted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sealFormat", SEAL_FORMAT);
        m.put("competitionId", c.id);
        m.put("roundId", r.id);
        m.put("method", Schulze.METHOD);
        m.put("strength", Schulze.STRENGTH);
        m.put("candidates", candidates);
        List<Map<String, Object>> sealedBallots = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            sealedBallots.add(Map.of("jurorId", ballots.get(i).jurorId, "order", counted.get(i),
                    "version", ballots.get(i).version));
        }
        m.put("ballots", sealedBallots);
        m.put("tieBreakSeed", res.tieBreakSeed());
        m.put("placesAsked", r.places);
        m.put("mentionsAsked", r.mentions == null ? 0 : r.mentions);
        m.put("result", res.canonical());
        m.put("awards", res.awards(r.places, r.mentions == null ? 0 : r.mentions));
        m.put("remedies", work.remedies(r).stream().map(x -> Map.of("kind", x.kind().name(), "jurorId", x.jurorId(),
                "reason", x.reason(), "decidedBy", x.decidedBy())).toList());
        return m;
    }

    private FinalResult stored(Competition c, long roundId) {
        JudgingRound r = round(c, roundId);
        if (r.kind != RoundKind.FINAL) {
            throw ProblemException.notFound("Result of round " + roundId);
        }
        FinalResult f = FinalResult.findById(r.id);
        if (f == null) {
            throw ProblemException.notFound("Result of round " + roundId);
        }
        return f;
    }

    /** The organiser's at any time after the close; everyone's once the competition is PUBLISHED. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView result(long competitionId, long roundId) {
        Competition c = competitions.get(competitionId);
        if (!access.currentUser().isOrganiser() && c.status != CompetitionStatus.PUBLISHED) {
            throw ProblemException.notFound("Result of round " + roundId);
        }
        ResultView sealed = view(stored(c, roundId));
        return access.currentUser().isOrganiser() ? sealed : sealed.without(
                org.juryroom.ranking.Shortlist.ofCompetition(c.id).map(org.juryroom.ranking.Shortlist::heldEntryIds)
                        .orElse(java.util.Set.of()));
    }

    static ResultView view(FinalResult f) {
        try {
            JsonNode n = JSON.readTree(f.canonicalJson);
            List<Place> places = new ArrayList<>();
            n.at("/awards/places").forEach(p -> {
                List<Long> ids = new ArrayList<>();
                p.get("entryIds").forEach(x -> ids.add(x.asLong()));
                places.add(new Place(p.get("place").asInt(), ids));
            });
            List<Long> mentions = new ArrayList<>();
            n.at("/awards/mentions").forEach(x -> mentions.add(x.asLong()));
            Map<String, Map<String, Integer>> pairwise = JSON.convertValue(n.at("/result/pairwise"),
                    new TypeReference<>() {
                    });
            return new ResultView(f.roundId, Schulze.METHOD, places, mentions, pairwise,
                    n.at("/ballots").size(), f.digest, f.closedAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result is not JSON", e);
        }
    }

    /**
     * Rebuilds the sealed JSON from the stored ballots over the sealed candidates and compares it and
     * its digest with the seal; and compares the stored awards (final_award, what the public page and
     * the schools read) with the sealed ones.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(long competitionId, long roundId) {
        access.requireOrganiser("Verifying a final result");
        Competition c = competitions.get(competitionId);
        FinalResult f = stored(c, roundId);
        List<String> differences = new ArrayList<>();
        String rebuilt;
        try {
            rebuilt = CanonicalJson.write(sealed(c, round(c, roundId), sealedCandidates(f)));
        } catch (IllegalArgumentException e) {
            // A stored ballot no longer ranks the sealed candidates: it was changed after the close.
            rebuilt = "";
            differences.add("a stored ballot no longer ranks the sealed candidates");
        }
        String recomputed = CanonicalJson.sha256(rebuilt);
        boolean digestMatches = CanonicalJson.sha256(f.canonicalJson).equals(f.digest) && recomputed.equals(f.digest);
        boolean jsonMatches = rebuilt.equals(f.canonicalJson);
        boolean awardsMatch = storedAwards(f.roundId).equals(sealedAwards(f));
        if (!digestMatches) {
            differences.add("the stored ballots and result no longer hash to the sealed digest");
        }
        if (!jsonMatches) {
            differences.add("the sealed JSON differs from the one rebuilt from the stored ballots");
        }
        if (!awardsMatch) {
            differences.add("the stored awards differ from the sealed ones");
        }
        return new Verification(digestMatches && jsonMatches && awardsMatch, f.digest, recomputed, digestMatches,
                jsonMatches, awardsMatch, differences);
    }

    private static List<Long> sealedCandidates(FinalResult f) {
        try {
            List<Long> out = new ArrayList<>();
            JSON.readTree(f.canonicalJson).at("/candidates").forEach(x -> out.add(x.asLong()));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result is not JSON", e);
        }
    }

    /** Entry id → place (null: a special mention), as sealed. */
    private static Map<Long, Integer> sealedAwards(FinalResult f) {
        ResultView v = view(f);
        Map<Long, Integer> out = new java.util.TreeMap<>();
        v.places().forEach(p -> p.entryIds().forEach(e -> out.put(e, p.place())));
        v.mentions().forEach(e -> out.put(e, null));
        return out;
    }

    /** Entry id → place (null: a special mention), as stored in final_award. */
    private Map<Long, Integer> storedAwards(long roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select entry_id, place from final_award where round_id = :r")
                .setParameter("r", roundId).getResultList();
        Map<Long, Integer> out = new java.util.TreeMap<>();
        rows.forEach(x -> out.put(((Number) x[0]).longValue(), x[1] == null ? null : ((Number) x[1]).intValue()));
        return out;
    }
}
