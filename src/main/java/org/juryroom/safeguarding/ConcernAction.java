package org.juryroom.safeguarding;

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

/** One step a safeguarding lead took on a concern: its history, in order. */
@Entity
@Table(name = "concern_action")
public class ConcernAction extends PanacheEntityBase {

    /**
     * RELEASED and EXCLUDED close the concern and decide the entry; the others record the work
     * done on the way (triage, contacting the school, a report to the authorities, or the decision
     * that no report is needed).
     */
    public enum Kind {
        TRIAGED, CONTACTED_SCHOOL, REPORTED, NO_FURTHER_ACTION, RELEASED, EXCLUDED;

        public boolean closes() {
            return this == RELEASED || this == EXCLUDED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "concern_id")
    public Long concernId;

    @Enumerated(EnumType.STRING)
    public Kind action;

    public String note;

    @Column(name = "reported_to")
    public String reportedTo;

    @Column(name = "report_reference")
    public String reportReference;

    @Column(name = "reported_at")
    public Instant reportedAt;

    public String actor;

    public Instant at;

    public static List<ConcernAction> of(long concernId) {
        return list("concernId = ?1 order by id", concernId);
    }
}
