package org.juryroom.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * One line of the audit trail. Written once by {@link AuditLog#record}; Hibernate never updates it
 * ({@link Immutable}) and a database trigger refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(insertable = false, updatable = false)
    public Instant at;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String action;

    @Column(name = "competition_id")
    public Long competitionId;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public Long subjectId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_value")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_value")
    public String after;
}
