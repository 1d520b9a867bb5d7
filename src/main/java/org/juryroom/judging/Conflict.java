package org.juryroom.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A juror's conflict of interest with a school: that school's entries do not exist for the juror. */
@Entity
public class Conflict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "juror_id")
    public Long jurorId;

    @Column(name = "school_id")
    public Long schoolId;

    public String reason;

    @Column(name = "declared_by")
    public String declaredBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /**
     * SQL: the juror in column {@code juror} has no conflict with the school in column {@code school}. NOT IN
     * over non-null columns means NOT EXISTS, but PostgreSQL runs it as one subplan built once (hashed while
     * the conflicts fit in work_mem); NOT EXISTS against a small or empty conflict table was planned as a
     * nested loop that rescanned it for every row (1.7 s of a 100,000-entry ranking's 500,000 scorecards).
     */
    public static String notConflicted(String juror, String school) {
        return "(" + juror + ", " + school + ") not in (select cf.juror_id, cf.school_id from conflict cf)";
    }
}
