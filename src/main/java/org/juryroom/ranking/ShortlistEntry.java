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
    public String title;

    @Column(name = "school_name")
    public String schoolName;

    public BigDecimal score;

    public BigDecimal median;

    @Column(name = "juror_count")
    public int jurorCount;
}
