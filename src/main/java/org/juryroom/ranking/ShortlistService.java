package org.juryroom.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.juryroom.access.AccessPolicy;
import org.juryroom.audit.AuditAction;
import org.juryroom.audit.AuditLog;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.ranking.math.TieBreak;
import org.juryroom.rounds.JudgingRound;
import org.juryroom.rounds.RoundKind;
import org.juryroom.rounds.RoundRemedy;
import org.juryroom.rounds.RoundWork;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Freezing the top N into an immutable, digest-sealed snapshot; reading it back; verifying it.
 *
 * <p>The freeze runs in one transaction, under the competition's exclusive lock: it refuses (409) while a flagged entry in or near the cut
 * lacks a current CONFIRM; it seals every scorecard that counts (id, version, marks, total) into
 * {@code shortlist_scorecard}, writes the top N with ranks and scores, then builds the canonical
 * JSON of all of it from those stored rows and keeps its SHA-256. Verification rebuilds the same
 * JSON from the stored rows, and also checks the live scorecards and the re-run ranking against it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ShortlistService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ShortlistService.class);

    /**
     * The snapshot as it is hashed: field order fixed (alphabetical), numbers as fixed-scale decimals.
     * {@code sealFormat} is in the JSON from format 2 on (absent, so format-1 bytes are unchanged, in format 1).
     */
    public record Snapshot(long competitionId, int shortlistSize, String method, String tieBreak, String disagreement,
                           Instant frozenAt, String frozenBy,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer sealFormat,
                           List<? extends Placed> entries, List<SnapshotScorecard> scorecards,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<SealedRemedy> remedies) {
    }

    /**
     * Seal format 3: every remedy for missing work of the rounds up to the RUBRIC round (who was
     * excused, which entries were accepted with fewer jurors, whose work was moved), with its reason.
     */
    public record SealedRemedy(long id, long roundId, String kind, Long jurorId, Long entryId, Integer moved,
                               String reason, String decidedBy, Instant decidedAt) {
    }

    /** What the ranking re-run is compared with, whatever the seal format. */
    public interface Placed {
        int rank();

        long entryId();

        BigDecimal score();
    }

    /** Seal format 1: the title in clear (an erased title no longer verifies; migrated to format 2 at start-up). */
    public record SnapshotEntry(int rank, long entryId, String code, String title, String schoolName, BigDecimal score,
                                BigDecimal median, int jurorCount) implements Placed {
    }

    /** Seal format 2: the title's {@link #titleSha256} instead of the title, so it verifies after erasure. */
    public record SealedEntry(int rank, long entryId, String code, String titleSha256, String schoolName,
                              BigDecimal score, BigDecimal median, int jurorCount) implements Placed {
    }

    /** The seal format new freezes write (docs/judging.md); 3 adds the remedies, absent from 1 and 2. */
    public static final int SEAL_FORMAT = 3;

    /** What start-up migrates format-1 seals to: titles hashed; a seal keeps its format after that. */
    public static final int TITLE_HASH_FORMAT = 2;

    public record SnapshotScorecard(long scorecardId, long entryId, long jurorId, long version, BigDecimal total,
                                    String scores) {
    }

    /**
     * The verification: {@code valid} only if every check holds.
     *
     * @param digestMatches       SHA-256 of the JSON rebuilt from the stored snapshot rows equals the sealed digest
     * @param storedJsonMatches   the stored canonical JSON is byte for byte the rebuilt one
     * @param scorecardsUnchanged every sealed scorecard still exists, SUBMITTED, with the same version, marks and total
     * @param rankingReproduces   re-running the ranking on the sealed scorecards gives the same top N
     * @param titlesMatch         format 2: every title still shown as written (not erased, no erased name hidden in it)
     *                            hashes to its sealed {@code titleSha256}
     */
    public record Verification(boolean valid, String digest, String recomputedDigest, boolean digestMatches,
                               boolean storedJsonMatches, boolean scorecardsUnchanged, int scorecardsSealed,
                               List<Long> changedScorecards, boolean rankingReproduces, List<String> differences,
                               Instant checkedAt, int sealFormat, boolean titlesMatch) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .build();

    private final CompetitionService competitions;
    private final RankingService rankingService;
    private final RankingQuery ranking;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EntityManager em;
    private final RoundWork work;
    private final org.juryroom.rounds.CloseHooks hooks;

    public ShortlistService(CompetitionService competitions, RankingService rankingService, RankingQuery ranking,
                            AccessPolicy access, AuditLog audit, EntityManager em, RoundWork work,
                            org.juryroom.rounds.CloseHooks hooks) {
        this.work = work;
        this.hooks = hooks;
        this.competitions = competitions;
        this.rankingService = rankingService;
        this.ranking = ranking;
        this.access = access;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Freezes the current top N; the competition moves to FROZEN in the same transaction. The
     * competition's lock, taken exclusively first, makes it one consistent state: every scorecard
     * write, decision and conflict that touches the competition holds the lock shared, so the freeze
     * waits for those in flight and reads, ranks and seals with none in between; those that waited
     * behind it then find the competition FROZEN (409). A second freeze finds it FROZEN too. The result is read
     * as {@code view} in the same transaction: the view reads the rows the freeze wrote. This is where the
     * API's and the ranking page's freeze start their transaction; closing the RUBRIC round starts its own
     * ({@code RoundService.close}) and calls the freeze below inside it.
     */
    @TransactionConfiguration(timeout = 900) // it seals every scorecard: 500,000 in a national competition
    public <V> V freeze(long competitionId, RoundWork.Remedies remedies, String reason,
                        java.util.function.Function<Shortlist, V> view) {
        return view.apply(freeze(competitionId, remedies, reason));
    }

    /**
     * Freezing is closing the RUBRIC round (docs/judging.md, "Rounds"): it must be the current round,
     * the remedies given are recorded first, and it refuses (409, missing per juror) while assigned
     * scorecards are missing and not remedied. The round closes with the shortlist as its advancing set.
     * It joins its caller's transaction and so cannot set a timeout of its own (Narayana refuses one below
     * a transaction's entry): each caller starts the freeze with 900 s.
     */
    public Shortlist freeze(long competitionId, RoundWork.Remedies remedies, String reason) {
        access.requireOrganiser("Freezing the shortlist");
        if (!remedies.any()) {
            work.requireNamesNoOne(competitionId, reason); // kept as the round's close reason; remedies check their own
        }
        Competition c = competitions.lockExclusive(competitionId);
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Freezing the shortlist");
        JudgingRound round = JudgingRound.rubric(c.id).orElseThrow();
        round = work.requireCurrent(c, round.id, RoundKind.RUBRIC);
        requireNoneHeld(c);
        hooks.afterHeldCheck(c.id);
        work.record(round, remedies, access.currentUser().username());
        work.requireComplete(round);
        List<RankingService.RankingRow> near = rankingService.nearCut(c);
        if (near.isEmpty()) {
            throw ProblemException.conflict("No entry has a submitted scorecard yet: there is nothing to shortlist");
        }
        List<Map<String, Object>> pending = near.stream().filter(RankingService.RankingRow::needsAdjudication)
                .map(r -> Map.<String, Object>of("entryId", r.entryId(), "code", r.code(), "rank", r.rank(),
                        "spread", r.spread()))
                .toList();
        if (!pending.isEmpty()) {
            throw ProblemException.conflict(pending.size() + (pending.size() == 1
                    ? " entry in or near the cut has jurors who disagree and no current decision: confirm its scores"
                    : " entries in or near the cut have jurors who disagree and no current decision: confirm their scores")
                    + " or ask another juror"
                    + " (POST /api/competitions/" + competitionId + "/adjudications)", Map.of("entries", pending));
        }
        Shortlist s = new Shortlist();
        s.competitionId = c.id;
        s.size = (int) near.stream().filter(r -> r.rank() <= c.shortlistSize).count();
        s.method = c.rankingMethod.name();
        s.tieBreak = TieBreak.DESCRIPTION;
        s.disagreement = RankingService.describe(c.disagreementRule());
        s.frozenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.frozenBy = access.currentUser().username();
        s.digest = "";
        s.canonicalJson = "";
        s.sealFormat = SEAL_FORMAT;
        s.persist();
        for (RankingService.RankingRow r : near) {
            if (r.rank() > c.shortlistSize) {
                break;
            }
            ShortlistEntry row = new ShortlistEntry();
            row.shortlistId = s.id;
            row.rank = r.rank();
            row.entryId = r.entryId();
            row.code = r.code();
            row.title = r.title();
            row.titleSha256 = titleSha256(r.code(), r.title());
            row.schoolName = r.schoolName();
            row.score = decimal(r.score());
            row.median = decimal(r.median());
            row.jurorCount = r.jurorCount();
            row.persist();
        }
        em.flush();
        int sealed = ranking.seal(c.id, s.id);
        // A concern never waits for the freeze (it takes no competition lock), so one may have held an entry
        // after the check above, and the ranking or the seal, each a statement of its own, left it out. Counted
        // again after both: such a hold is seen now, and the freeze is refused (all of it rolled back) rather
        // than seal a shortlist without an entry that was unheld when it began. A hold after this count is one
        // raised after the freeze: its entry was ranked and sealed whole, and the hold keeps it from publication.
        requireNoneHeld(c);
        String canonical = canonicalJson(snapshot(s));
        s.canonicalJson = canonical;
        s.digest = sha256(canonical);
        c.status = CompetitionStatus.FROZEN;
        closeRubric(c, round, s, reason);
        audit.record(AuditAction.SHORTLIST_FROZEN, c.id, AuditLog.Subject.of("shortlist", s.id),
                Map.of("status", CompetitionStatus.JUDGING),
                Map.of("status", CompetitionStatus.FROZEN, "digest", s.digest, "entries", s.size,
                        "scorecardsSealed", sealed, "method", s.method));
        return s;
    }

    /** A held entry might belong in the top N: the shortlist waits for the safeguarding lead's decision. */
    private static void requireNoneHeld(Competition c) {
        long held = org.juryroom.entry.Entry.count("competition.id = ?1 and hold = ?2", c.id,
                org.juryroom.entry.Entry.Hold.HELD);
        if (held > 0) {
            throw ProblemException.conflict(held + (held == 1
                    ? " entry is held for a safeguarding review: the shortlist can be frozen once the safeguarding"
                    + " lead has released or excluded it"
                    : " entries are held for a safeguarding review: the shortlist can be frozen once the safeguarding"
                    + " lead has released or excluded them"), Map.of("held", held));
        }
    }

    /** The RUBRIC round's outcome: the shortlisted entries advance, every other entry it judged does not. */
    @SuppressWarnings("unchecked")
    private void closeRubric(Competition c, JudgingRound round, Shortlist s, String reason) {
        List<Object[]> rows = em.createNativeQuery("""
                select a.entry_id, bool_or(exists (select 1 from shortlist_entry se
                                                  where se.shortlist_id = :sid and se.entry_id = a.entry_id))
                from assignment a where a.competition_id = :cid group by a.entry_id order by a.entry_id""")
                .setParameter("sid", s.id).setParameter("cid", c.id).getResultList();
        List<Long> in = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> (Boolean.TRUE.equals(r[1]) ? in : out).add(((Number) r[0]).longValue()));
        work.close(round, in, out, reason, s.frozenBy);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shortlist get(long competitionId) {
        competitions.get(competitionId);
        return Shortlist.ofCompetition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("Shortlist of competition " + competitionId));
    }

    /** Recomputes the digest from the stored rows and checks the live data against the snapshot. */
    @TransactionConfiguration(timeout = 900)
    public Verification verify(long competitionId) {
        access.requireOrganiser("Verifying the shortlist");
        Shortlist s = get(competitionId);
        Competition c = competitions.get(competitionId);
        Snapshot snapshot = snapshot(s);
        String rebuilt = canonicalJson(snapshot);
        String recomputed = sha256(rebuilt);
        boolean digestMatches = recomputed.equals(s.digest);
        boolean jsonMatches = rebuilt.equals(s.canonicalJson);
        List<String> differences = new ArrayList<>();
        if (!digestMatches) {
            differences.add("the stored snapshot rows no longer hash to the sealed digest");
        }
        if (!jsonMatches) {
            differences.add("the stored canonical JSON differs from the one rebuilt from the snapshot rows");
        }

        Map<Long, SnapshotScorecard> live = new LinkedHashMap<>();
        ranking.countedScorecards(competitionId, RankingQuery.Basis.frozen(s.id)).forEach(r -> live.put(r.scorecardId(),
                new SnapshotScorecard(r.scorecardId(), r.entryId(), r.jurorId(), r.version(), r.total(), r.scores())));
        List<Long> changed = new ArrayList<>();
        for (SnapshotScorecard sealed : snapshot.scorecards()) {
            SnapshotScorecard now = live.get(sealed.scorecardId());
            if (now == null || !now.equals(sealed)) {
                changed.add(sealed.scorecardId());
            }
        }
        if (!changed.isEmpty()) {
            differences.add(changed.size() + " sealed scorecards were changed or removed after the freeze: " + changed);
        }

        ranking.materialise(competitionId, c.rankingMethod, RankingQuery.Basis.frozen(s.id));
        List<RankingQuery.Row> rerun = ranking.page(0, s.size);
        boolean reproduces = rerun.size() == snapshot.entries().size();
        for (int i = 0; reproduces && i < rerun.size(); i++) {
            Placed frozen = snapshot.entries().get(i);
            RankingQuery.Row now = rerun.get(i);
            reproduces = frozen.rank() == now.rank() && frozen.entryId() == now.entryId()
                    && frozen.score().equals(decimal(now.score()));
        }
        if (!reproduces) {
            differences.add("re-running the ranking on the sealed scorecards no longer gives the frozen top "
                    + s.size);
        }
        List<String> retitled = s.sealFormat < 2 ? List.of() : s.entries().stream()
                .filter(e -> !erasedTitle(e) && !titleSha256(e.code, e.title).equals(e.titleSha256))
                .map(e -> e.code).toList();
        if (!retitled.isEmpty()) {
            differences.add("the shown titles of " + retitled + " are not the sealed ones");
        }
        boolean valid = digestMatches && jsonMatches && changed.isEmpty() && reproduces && retitled.isEmpty();
        return new Verification(valid, s.digest, recomputed, digestMatches, jsonMatches, changed.isEmpty(),
                snapshot.scorecards().size(), changed, reproduces, differences, Instant.now(), s.sealFormat,
                retitled.isEmpty());
    }

    /**
     * Moves a format-1 seal to format 2 if its format-1 digest still holds over the stored rows: each
     * row gets its title's hash, the format-2 JSON and digest replace the old ones (kept in
     * {@code previousDigest}), and SEAL_MIGRATED links the two. A seal that no longer holds stays
     * format 1 (verification reports it) and false is returned; so is a seal already in format 2.
     * Under the competition's exclusive lock, so it is one step whoever else runs it.
     */
    public boolean migrateSeal(long competitionId) {
        competitions.lockExclusive(competitionId);
        Shortlist s = Shortlist.ofCompetition(competitionId).orElse(null);
        if (s == null || s.sealFormat >= TITLE_HASH_FORMAT) {
            return false;
        }
        em.refresh(s);
        String formatOne = canonicalJson(snapshot(s));
        if (!sha256(formatOne).equals(s.digest) || !formatOne.equals(s.canonicalJson)) {
            LOG.errorf("The format-1 seal of competition %d no longer verifies; it is left in format 1 (GET"
                    + " /api/competitions/%d/shortlist/verify shows what differs)", competitionId, competitionId);
            return false;
        }
        s.entries().forEach(e -> e.titleSha256 = titleSha256(e.code, e.title));
        String old = s.digest;
        s.sealFormat = TITLE_HASH_FORMAT;
        String canonical = canonicalJson(snapshot(s));
        s.previousDigest = old;
        s.canonicalJson = canonical;
        s.digest = sha256(canonical);
        audit.record(AuditAction.SEAL_MIGRATED, competitionId, AuditLog.Subject.of("shortlist", s.id),
                Map.of("sealFormat", 1, "digest", old), Map.of("sealFormat", TITLE_HASH_FORMAT, "digest", s.digest));
        return true;
    }

    /**
     * A title that erasure took from the shown shortlist, which only the sealed hash can stand for: blanked,
     * or, where the retention job keeps published work, with the erased names hidden (docs/privacy.md,
     * "Erasure"). Either way the entry says it was erased; any other shown title must hash to the seal.
     */
    private static boolean erasedTitle(ShortlistEntry row) {
        if (row.title.isEmpty()) {
            return true;
        }
        if (!row.title.contains(org.juryroom.entry.JuryRedaction.MARK)) {
            return false;
        }
        org.juryroom.entry.Entry e = org.juryroom.entry.Entry.findById(row.entryId);
        return e != null && (e.erasureReason != null || e.personalDataErasedAt != null);
    }

    /** What format 2 seals of a title: it names the entry too, so equal titles of two entries hash apart. */
    public static String titleSha256(String code, String title) {
        return sha256(code + "\n" + title);
    }

    /** The snapshot as stored in shortlist, shortlist_entry and shortlist_scorecard. */
    @SuppressWarnings("unchecked")
    Snapshot snapshot(Shortlist s) {
        em.flush();
        List<? extends Placed> entries = s.sealFormat < 2
                ? s.entries().stream().map(e -> new SnapshotEntry(e.rank, e.entryId, e.code, e.title, e.schoolName,
                        e.score, e.median, e.jurorCount)).toList()
                : s.entries().stream().map(e -> new SealedEntry(e.rank, e.entryId, e.code, e.titleSha256,
                        e.schoolName, e.score, e.median, e.jurorCount)).toList();
        List<Object[]> rows = em.createNativeQuery("select scorecard_id, entry_id, juror_id, version, total, scores"
                + " from shortlist_scorecard where shortlist_id = :sid order by scorecard_id")
                .setParameter("sid", s.id).getResultList();
        List<SnapshotScorecard> scorecards = rows.stream().map(r -> new SnapshotScorecard(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                (BigDecimal) r[4], (String) r[5])).toList();
        return new Snapshot(s.competitionId, Objects.requireNonNull(Competition.<Competition>findById(s.competitionId))
                .shortlistSize, s.method, s.tieBreak, s.disagreement, s.frozenAt, s.frozenBy,
                s.sealFormat < 2 ? null : s.sealFormat, entries, scorecards, s.sealFormat < 3 ? null : remedies(s));
    }

    /** The remedies a format-3 seal covers: those of the rounds up to the RUBRIC round (never added to once it closed). */
    public static List<SealedRemedy> remedies(Shortlist s) {
        int upTo = JudgingRound.rubric(s.competitionId).map(r -> r.position).orElse(0);
        return RoundRemedy.ofCompetitionUpTo(s.competitionId, upTo).stream()
                .map(m -> new SealedRemedy(m.id, m.roundId, m.kind.name(), m.jurorId, m.entryId, m.moved, m.reason,
                        m.decidedBy, m.decidedAt)).toList();
    }

    static BigDecimal decimal(double score) {
        return BigDecimal.valueOf(score).setScale(6, RoundingMode.HALF_EVEN);
    }

    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
