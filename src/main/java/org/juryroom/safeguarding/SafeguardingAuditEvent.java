package org.juryroom.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A line of the safeguarding record's own audit trail (append-only; only leads read it). */
@Entity
@Table(name = "safeguarding_audit")
public class SafeguardingAuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(insertable = false, updatable = false)
    public Instant at;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String action;

    @Column(name = "concern_id")
    public Long concernId;

    @Column(name = "entry_id")
    public Long entryId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;
}
