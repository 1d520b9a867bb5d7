package org.juryroom.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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

    /** 1: titles sealed in clear; 2: their SHA-256, so an erased title still verifies (docs/privacy.md). */
    @Column(name = "seal_format")
    public int sealFormat = 1;

    /** The digest a seal had before it was migrated to format 2 (the audit trail links the two). */
    @Column(name = "previous_digest")
    public String previousDigest;

    /** Exactly the bytes the digest was computed over. */
    @Column(name = "canonical_json")
    public String canonicalJson;

    public static Optional<Shortlist> ofCompetition(long competitionId) {
        return find("competitionId", competitionId).firstResultOptional();
    }

    /** Every sealed row: what the seal covers and verifies. */
    public List<ShortlistEntry> entries() {
        return ShortlistEntry.list("shortlistId = ?1 order by rank", id);
    }

    /**
     * An entry that left the competition after the freeze: a safeguarding lead holds or excluded it, or
     * a guardian withdrew judging consent (status WITHDRAWN), or an organiser erased its personal data
     * (what the retention job erases keeps the published work, so it stays shown). Its row stays sealed and verifiable, but
     * it is no longer shown or exported (the snapshot itself is never rewritten).
     */
    private static final String WITHHELD = "(e.hold is not null or e.status = org.juryroom.entry.EntryStatus.WITHDRAWN"
            + " or e.erasureReason = 'ORGANISER')";

    /**
     * The competition's entries withheld from display and export (see {@link #WITHHELD}): what the frozen
     * ranking, which lists every ranked entry and not only the sealed rows, leaves out.
     */
    public static java.util.Set<Long> withheldOf(long competitionId) {
        return Set.copyOf(getEntityManager().createQuery("select e.id from Entry e where e.competition.id = :cid"
                + " and " + WITHHELD, Long.class).setParameter("cid", competitionId).getResultList());
    }

    /** The sealed rows withheld from display and export (see {@link #WITHHELD}). */
    public java.util.Set<Long> heldEntryIds() {
        return Set.copyOf(getEntityManager().createQuery("select se.entryId from ShortlistEntry se, Entry e"
                + " where se.shortlistId = :sid and e.id = se.entryId and " + WITHHELD, Long.class)
                .setParameter("sid", id).getResultList());
    }

    /** The sealed rows that may still be shown and exported. */
    public List<ShortlistEntry> shownEntries() {
        return ShortlistEntry.list("shortlistId = ?1 and not exists (select 1 from Entry e where e.id = entryId"
                + " and " + WITHHELD + ") order by rank", id);
    }
}
