package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A final juror's ranking of the shortlist, as canonical JSON tie groups; one per juror, replaced while open. */
@Entity
@Table(name = "final_ballot")
public class FinalBallot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "round_id")
    public Long roundId;

    @Column(name = "juror_id")
    public Long jurorId;

    public String ballot;

    public long version;

    @Column(name = "cast_at")
    public Instant castAt;

    public static Optional<FinalBallot> of(long roundId, long jurorId) {
        return find("roundId = ?1 and jurorId = ?2", roundId, jurorId).firstResultOptional();
    }

    /** The ballots of the round's current jury members, by juror. */
    public static List<FinalBallot> ofJury(long roundId) {
        return list("roundId = ?1 and jurorId in (select j.jurorId from RoundJury j where j.roundId = ?1)"
                + " order by jurorId", roundId);
    }
}
