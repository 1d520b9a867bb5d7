package org.juryroom.judging;

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
 * A juror on a competition's jury, optionally restricted to some categories (a per-category
 * panel). A competition without members assigns from every juror.
 */
@Entity
@Table(name = "panel_member")
@IdClass(PanelMember.Key.class)
public class PanelMember extends PanacheEntityBase {

    public static class Key implements Serializable {
        public Long competitionId;
        public Long jurorId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(competitionId, k.competitionId)
                    && Objects.equals(jurorId, k.jurorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(competitionId, jurorId);
        }
    }

    @Id
    @Column(name = "competition_id")
    public Long competitionId;

    @Id
    @Column(name = "juror_id")
    public Long jurorId;

    /** Category codes this juror scores; empty means every category. */
    public String[] categories = new String[0];

    public static List<PanelMember> ofCompetition(long competitionId) {
        return list("competitionId = ?1 order by jurorId", competitionId);
    }
}
