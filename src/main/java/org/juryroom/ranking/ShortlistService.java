package org.juryroom.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.access.CurrentUser;
import org.juryroom.common.ProblemException;
import org.juryroom.competition.Competition;
import org.juryroom.competition.CompetitionService;
import org.juryroom.competition.CompetitionStatus;
import org.juryroom.ranking.math.TieBreak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** Freezing the top N into an immutable, digest-sealed snapshot, and reading it back. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ShortlistService {

    /** The snapshot as it is hashed: field order fixed, scores as fixed-scale decimals. */
    public record Snapshot(long competitionId, int shortlistSize, String method, String tieBreak, Instant frozenAt,
                           List<SnapshotEntry> entries) {
    }

    public record SnapshotEntry(int rank, long entryId, String code, String title, String schoolName, BigDecimal score) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .build();

    private final CompetitionService competitions;
    private final RankingQuery ranking;
    private final CurrentUser me;

    public ShortlistService(CompetitionService competitions, RankingQuery ranking, CurrentUser me) {
        this.competitions = competitions;
        this.ranking = ranking;
        this.me = me;
    }

    /** Freezes the current top N; the competition moves to FROZEN in the same transaction. */
    public Shortlist freeze(long competitionId) {
        Competition c = competitions.get(competitionId);
        CompetitionService.requireStatus(c, CompetitionStatus.JUDGING, "Freezing the shortlist");
        List<SnapshotEntry> top = ranking.page(competitionId, c.rankingMethod, 0, c.shortlistSize).stream()
                .map(r -> new SnapshotEntry(r.rank(), r.entryId(), r.code(), r.title(), r.schoolName(), decimal(r.score())))
                .toList();
        if (top.isEmpty()) {
            throw ProblemException.conflict("No entry has a submitted scorecard yet: there is nothing to shortlist");
        }
        Snapshot snapshot = new Snapshot(c.id, c.shortlistSize, c.rankingMethod.name(), TieBreak.DESCRIPTION,
                Instant.now().truncatedTo(ChronoUnit.MICROS), top);
        String canonical = canonicalJson(snapshot);
        Shortlist s = new Shortlist();
        s.competitionId = c.id;
        s.size = top.size();
        s.method = snapshot.method();
        s.tieBreak = snapshot.tieBreak();
        s.frozenAt = snapshot.frozenAt();
        s.frozenBy = me.username();
        s.canonicalJson = canonical;
        s.digest = sha256(canonical);
        s.persist();
        for (SnapshotEntry e : top) {
            ShortlistEntry row = new ShortlistEntry();
            row.shortlistId = s.id;
            row.rank = e.rank();
            row.entryId = e.entryId();
            row.code = e.code();
            row.title = e.title();
            row.schoolName = e.schoolName();
            row.score = e.score();
            row.persist();
        }
        c.status = CompetitionStatus.FROZEN;
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shortlist get(long competitionId) {
        competitions.get(competitionId);
        return Shortlist.ofCompetition(competitionId)
                .orElseThrow(() -> ProblemException.notFound("Shortlist of competition " + competitionId));
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
