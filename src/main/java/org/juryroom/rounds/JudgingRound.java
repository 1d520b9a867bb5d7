package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One round of a competition's judging; rounds run one after the other, by position. */
@Entity
@Table(name = "judging_round")
public class JudgingRound extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "competition_id")
    public Long competitionId;

    public int position;

    @Enumerated(EnumType.STRING)
    public RoundKind kind;

    public String name;

    @Column(name = "jurors_per_entry")
    public Integer jurorsPerEntry;

    public Integer quorum;

    @Column(name = "advance_top")
    public Integer advanceTop;

    public Integer places;
    public Integer mentions;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    public RoundStatus status = RoundStatus.PENDING;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_reason")
    public String closeReason;

    @Version
    public long version;

    public static List<JudgingRound> ofCompetition(long competitionId) {
        return list("competitionId = ?1 order by position", competitionId);
    }

    /** The round jurors work in now: the first one not yet closed; empty once all are closed. */
    public static Optional<JudgingRound> current(long competitionId) {
        return find("competitionId = ?1 and status <> ?2 order by position", competitionId, RoundStatus.CLOSED)
                .firstResultOptional();
    }

    /** The closed round just before this one, whose advancing entries this one judges; empty for the first. */
    public Optional<JudgingRound> previous() {
        return find("competitionId = ?1 and position < ?2 order by position desc", competitionId, position)
                .firstResultOptional();
    }

    public static Optional<JudgingRound> rubric(long competitionId) {
        return find("competitionId = ?1 and kind = ?2", competitionId, RoundKind.RUBRIC).firstResultOptional();
    }
}
