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
}
