package org.juryroom.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A juror asked to score an entry. */
@Entity
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "competition_id")
    public Long competitionId;

    @Column(name = "entry_id")
    public Long entryId;

    @Column(name = "juror_id")
    public Long jurorId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
