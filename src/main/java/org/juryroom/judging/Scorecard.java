package org.juryroom.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import org.hibernate.Session;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One juror's marks for one entry: an integer per rubric criterion, and a comment. */
@Entity
public class Scorecard extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @NaturalId
    @Column(name = "entry_id")
    public Long entryId;

    @NaturalId
    @Column(name = "juror_id")
    public Long jurorId;

    @Enumerated(EnumType.STRING)
    public ScorecardStatus status = ScorecardStatus.DRAFT;

    public String comment;

    /** Why the juror abstained; set exactly when the status is ABSTAINED. */
    @Column(name = "abstain_reason")
    public String abstainReason;

    /** Criterion id → score. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "score", joinColumns = @JoinColumn(name = "scorecard_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "value")
    public Map<Long, Integer> scores = new HashMap<>();

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    @Version
    public long version;

    /**
     * When the juror first read the other jurors' marks for this entry; from then this scorecard is
     * final. Written only by {@link ScorecardService#ofEntry} (in SQL, so the version stays).
     */
    @Column(name = "peers_read_at", insertable = false, updatable = false)
    public Instant peersReadAt;

    /**
     * By its natural key: read from the database once per transaction, later lookups of the same
     * scorecard (the access check, then the save) are answered by the persistence context.
     */
    public static Optional<Scorecard> of(long entryId, long jurorId) {
        return getEntityManager().unwrap(Session.class).byNaturalId(Scorecard.class)
                .using("entryId", entryId).using("jurorId", jurorId).loadOptional();
    }
}
