package org.juryroom.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

/** One place on a frozen shortlist, copied at freeze time so later edits cannot change it. */
@Entity
@Table(name = "shortlist_entry")
@IdClass(ShortlistEntry.Key.class)
public class ShortlistEntry extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long shortlistId;
        public Integer rank;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(shortlistId, k.shortlistId)
                    && java.util.Objects.equals(rank, k.rank);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(shortlistId, rank);
        }
    }

    @Id
    @Column(name = "shortlist_id")
    public Long shortlistId;

    @Id
    public Integer rank;

    @Column(name = "entry_id")
    public Long entryId;

    public String code;

    /** Shown on the shortlist; blank once erased (docs/privacy.md). Seal format 2 seals {@link #titleSha256}. */
    public String title;

    /** SHA-256 of code + "\n" + title, taken at the freeze (null in a format-1 seal not yet migrated). */
    @Column(name = "title_sha256")
    public String titleSha256;

    @Column(name = "school_name")
    public String schoolName;

    public BigDecimal score;

    public BigDecimal median;

    @Column(name = "juror_count")
    public int jurorCount;
}
