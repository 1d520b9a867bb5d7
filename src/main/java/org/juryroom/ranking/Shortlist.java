package org.juryroom.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The frozen top N of a competition: written once, never updated, sealed by a SHA-256 digest. */
@Entity
public class Shortlist extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "competition_id")
    public Long competitionId;

    public int size;
    public String method;

    @Column(name = "tie_break")
    public String tieBreak;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    @Column(name = "frozen_by")
    public String frozenBy;

    public String digest;

    /** The disagreement rule in force at the freeze, in words. */
    public String disagreement;

    /** Exactly the bytes the digest was computed over. */
    @Column(name = "canonical_json")
    public String canonicalJson;

    public static Optional<Shortlist> ofCompetition(long competitionId) {
        return find("competitionId", competitionId).firstResultOptional();
    }

    public List<ShortlistEntry> entries() {
        return ShortlistEntry.list("shortlistId = ?1 order by rank", id);
    }
}
