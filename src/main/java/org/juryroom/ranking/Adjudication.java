package org.juryroom.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An organiser's logged decision on an entry whose jurors disagree. Decisions are never edited:
 * a new decision is a new row, and the latest one for an entry is the one that stands.
 */
@Entity
public class Adjudication extends PanacheEntityBase {

    public enum Decision {
        /** The scores stand as they are. */
        CONFIRM,
        /** One more juror is assigned; the entry must be confirmed again once they have scored, if still flagged. */
        REQUEST_JUROR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "competition_id")
    public Long competitionId;

    @Column(name = "entry_id")
    public Long entryId;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String note;

    /** "id:version,..." of the scorecards that counted when the decision was made. */
    public String scorecards;

    public BigDecimal spread;

    @Column(name = "added_juror_id")
    public Long addedJurorId;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static Optional<Adjudication> latest(long competitionId, long entryId) {
        return find("competitionId = ?1 and entryId = ?2 order by id desc", competitionId, entryId)
                .firstResultOptional();
    }
}
