package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A juror's assignment to an entry in a SCREENING round, and their vote once cast. */
@Entity
@Table(name = "screening_vote")
public class ScreeningVote extends PanacheEntityBase {

    public enum Vote { YES, NO, ABSTAIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public Long roundId;

    @Column(name = "entry_id")
    public Long entryId;

    @Column(name = "juror_id")
    public Long jurorId;

    /** Null until the juror votes. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Vote vote;

    public String comment;

    @Column(name = "voted_at")
    public Instant votedAt;

    /** Whether the juror is assigned this entry in a screening round that is open now (the access policy's rule). */
    public static boolean assignedInOpenRound(long entryId, long jurorId) {
        return count("entryId = ?1 and jurorId = ?2 and roundId in (select r.id from JudgingRound r where r.status = ?3)",
                entryId, jurorId, RoundStatus.OPEN) > 0;
    }
}
