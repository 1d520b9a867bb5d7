package org.juryroom.rounds;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A juror on one round's jury, optionally for some categories only. A SCREENING or RUBRIC round
 * without members assigns from the competition's panels; a FINAL round's jury is exactly its members.
 */
@Entity
@Table(name = "round_jury")
@IdClass(RoundJury.Key.class)
public class RoundJury extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long roundId;
        public Long jurorId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(roundId, k.roundId) && Objects.equals(jurorId, k.jurorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, jurorId);
        }
    }

    @Id
    @Column(name = "round_id")
    public Long roundId;

    @Id
    @Column(name = "juror_id")
    public Long jurorId;

    /** Category codes; empty means every category. */
    public String[] categories = new String[0];

    public static List<RoundJury> ofRound(long roundId) {
        return list("roundId = ?1 order by jurorId", roundId);
    }

    public static boolean member(long roundId, long jurorId) {
        return count("roundId = ?1 and jurorId = ?2", roundId, jurorId) > 0;
    }

    /**
     * Whether the juror sits on an open FINAL round whose candidates (the entries the round before it
     * advanced) include the entry: a final juror looks at the works they rank.
     */
    public static boolean finalCandidate(long entryId, long jurorId) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from round_jury j"
                        + " join judging_round f on f.id = j.round_id and f.kind = 'FINAL' and f.status = 'OPEN'"
                        + " join judging_round p on p.competition_id = f.competition_id and p.position = f.position - 1"
                        + " join round_outcome o on o.round_id = p.id and o.advanced and o.entry_id = :e"
                        + " where j.juror_id = :j")
                .setParameter("e", entryId).setParameter("j", jurorId).getSingleResult()).longValue() > 0;
    }
}
