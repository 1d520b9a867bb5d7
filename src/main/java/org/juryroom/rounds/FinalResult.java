package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The FINAL round's sealed result: canonical JSON of ballots, method, tie-break seed and result, and its SHA-256. */
@Entity
@Table(name = "final_result")
public class FinalResult extends PanacheEntityBase {

    @Id
    @Column(name = "round_id")
    public Long roundId;

    @Column(name = "competition_id")
    public Long competitionId;

    @Column(name = "canonical_json")
    public String canonicalJson;

    public String digest;

    @Column(name = "closed_at")
    public Instant closedAt;
}
