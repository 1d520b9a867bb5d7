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

import java.time.Instant;
import java.util.List;

/**
 * An organiser's decision about missing work in a round: a juror excused, an entry accepted with
 * fewer jurors, or a juror's unfinished work moved to others. Written once, never changed; sealed
 * with the shortlist.
 */
@Entity
@Table(name = "round_remedy")
public class RoundRemedy extends PanacheEntityBase {

    public enum Kind { EXCUSE, ACCEPT_FEWER, REASSIGN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public Long roundId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** EXCUSE and REASSIGN: the juror. */
    @Column(name = "juror_id")
    public Long jurorId;

    /** ACCEPT_FEWER: the entry. */
    @Column(name = "entry_id")
    public Long entryId;

    /** REASSIGN: how many unfinished pieces of work were moved. */
    public Integer moved;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The remedies of every round up to and including the given position, in the order they were made. */
    public static List<RoundRemedy> ofCompetitionUpTo(long competitionId, int position) {
        return list("roundId in (select r.id from JudgingRound r where r.competitionId = ?1 and r.position <= ?2)"
                + " order by id", competitionId, position);
    }
}
