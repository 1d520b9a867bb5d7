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
    }

    /** What closing would decide now; {@code result} null while no ballot is cast. */
    public record Provisional(List<Place> places, List<Long> mentions, int ballots) {
    }

    public record Verification(boolean valid, String digest, String recomputedDigest, boolean digestMatches,
                               boolean jsonMatches, List<String> differences) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompetitionService competitions;
    private final AccessPolicy access;
    private final RoundWork work;
    private final AuditLog audit;
    private final EntityManager em;
    private final org.juryroom.judging.JuryQueueService queue;

    public FinalService(CompetitionService competitions, AccessPolicy access, RoundWork work, AuditLog audit,
                        EntityManager em, org.juryroom.judging.JuryQueueService queue) {
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
     * a juror with a conflict with the school of a shortlisted entry (409 naming them), once the
     * shortlist is known; the ballot refuses such a juror too (a conflict declared later).
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
        if (r.kind == RoundKind.FINAL && r.status == RoundStatus.OPEN) {
            List<Long> conflicted = members.stream().map(PanelService.Member::jurorId)
                    .filter(j -> conflicted(r, j)).sorted().toList();
            if (!conflicted.isEmpty()) {
                throw ProblemException.conflict("Jurors " + conflicted + " have a conflict with the school of a"
                        + " shortlisted entry: they cannot sit on the final jury", Map.of("conflicted", conflicted));
            }
        }
        List<PanelService.MemberView> before = views(r);
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

    /** The FINAL round's candidates: exactly the entries the round before it advanced (the shortlist). */
    @SuppressWarnings("unchecked")
    List<Long> candidates(JudgingRound r) {
        long previous = r.previous().map(p -> p.id).orElse(-1L);
        return ((List<Number>) em.createNativeQuery("select entry_id from round_outcome where round_id = :prev"
                        + " and advanced order by entry_id").setParameter("prev", previous).getResultList())
                .stream().map(Number::longValue).toList();
    }

    private boolean conflicted(JudgingRound r, long jurorId) {
        return ((Number) em.createNativeQuery("select count(*) from round_outcome o join entry e on e.id = o.entry_id"
                        + " join conflict cf on cf.school_id = e.school_id and cf.juror_id = :j"
                        + " where o.round_id = :prev and o.advanced")
                .setParameter("j", jurorId).setParameter("prev", r.previous().map(p -> p.id).orElse(-1L))
                .getSingleResult()).longValue() > 0;
    }

    /** The FINAL round if the caller is on its jury; 404 otherwise (the round is not theirs to see). */
    private JudgingRound finalRoundOfCaller(Competition c, long roundId) {
        JudgingRound r = JudgingRound.<JudgingRound>findByIdOptional(roundId)
                .filter(x -> x.competitionId.equals(c.id) && x.kind == RoundKind.FINAL).orElse(null);
        if (r == null || !access.currentUser().isJuror() || !RoundJury.member(r.id, access.currentUser().jurorId())) {
            throw ProblemException.notFound("Round " + roundId + " of competition " + c.id);
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
        if (conflicted(r, juror)) {
            throw ProblemException.conflict("You have a conflict with the school of a shortlisted entry:"
                    + " ask the organiser to take you off the final jury");
        }
        List<Long> candidates = candidates(r);
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
        }).toList();
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

    /** The provisional result over the ballots cast so far; null when none is. */
    public Provisional provisional(JudgingRound r) {
        List<FinalBallot> ballots = FinalBallot.ofJury(r.id);
        if (ballots.isEmpty()) {
            return null;
        }
        SchulzeResult res = Schulze.compute(candidates(r), ballots.stream().map(b -> parse(b.ballot)).toList());
        SchulzeResult.Awards a = res.awards(r.places, r.mentions == null ? 0 : r.mentions);
        return new Provisional(places(a), a.mentions(), ballots.size());
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
        if (FinalBallot.ofJury(r.id).isEmpty()) {
            throw ProblemException.conflict("No ballot has been cast in round '" + r.name + "': there is no result");
        }
        Map<String, Object> sealed = sealed(c, r);
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
        List<Long> rest = candidates(r).stream().filter(e -> !awarded.contains(e)).toList();
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
     * The close seals it; verification rebuilds it and compares.
     */
    private Map<String, Object> sealed(Competition c, JudgingRound r) {
        List<Long> candidates = candidates(r);
        List<FinalBallot> ballots = FinalBallot.ofJury(r.id);
        SchulzeResult res = Schulze.compute(candidates, ballots.stream().map(b -> parse(b.ballot)).toList());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sealFormat", SEAL_FORMAT);
        m.put("competitionId", c.id);
        m.put("roundId", r.id);
        m.put("method", Schulze.METHOD);
        m.put("strength", Schulze.STRENGTH);
        m.put("candidates", candidates);
        m.put("ballots", ballots.stream().map(b -> Map.of("jurorId", b.jurorId, "order", parse(b.ballot),
                "version", b.version)).toList());
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
        return view(stored(c, roundId));
    }

    /** The published result of a competition's FINAL round, if it has one (the public page and the schools). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ResultView> published(long competitionId) {
        Competition c = Competition.findById(competitionId);
        if (c == null || c.status != CompetitionStatus.PUBLISHED) {
            return java.util.Optional.empty();
        }
        return FinalResult.<FinalResult>find("competitionId", competitionId).firstResultOptional().map(FinalService::view);
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

    /** Rebuilds the sealed JSON from the stored ballots and compares it and its digest with the seal. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(long competitionId, long roundId) {
        access.requireOrganiser("Verifying a final result");
        Competition c = competitions.get(competitionId);
        FinalResult f = stored(c, roundId);
        String rebuilt = CanonicalJson.write(sealed(c, round(c, roundId)));
        String recomputed = CanonicalJson.sha256(rebuilt);
        boolean digestMatches = CanonicalJson.sha256(f.canonicalJson).equals(f.digest) && recomputed.equals(f.digest);
        boolean jsonMatches = rebuilt.equals(f.canonicalJson);
        List<String> differences = new ArrayList<>();
        if (!digestMatches) {
            differences.add("the stored ballots and result no longer hash to the sealed digest");
        }
        if (!jsonMatches) {
            differences.add("the sealed JSON differs from the one rebuilt from the stored ballots");
        }
        return new Verification(digestMatches && jsonMatches, f.digest, recomputed, digestMatches, jsonMatches,
                differences);
    }
}
