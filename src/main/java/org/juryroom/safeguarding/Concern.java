package org.juryroom.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.List;

/** A concern about a child's safety raised on an entry; only safeguarding leads read it. */
@Entity
public class Concern extends PanacheEntityBase {

    public enum Kind { DISCLOSURE, SUSPECTED_ABUSE_MATERIAL, IDENTIFIABLE_CHILD, OTHER }

    public enum Urgency { IMMEDIATE_DANGER, NORMAL }

    public enum Status { OPEN, CLOSED }

    /** How a closed concern left the entry. */
    public enum Outcome { RELEASED, EXCLUDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Quoted by the person who raised it and by the lead to the authorities: not the row id. */
    public String reference;

    @Column(name = "entry_id")
    public Long entryId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    public String note;
    public String excerpt;

    @Enumerated(EnumType.STRING)
    public Status status = Status.OPEN;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "raised_by_role")
    public String raisedByRole;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "triage_due_at")
    public Instant triageDueAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The entry as it was when the concern was raised (ConcernService.EntryAsRaised, as JSON). */
    @Column(name = "entry_snapshot")
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public String entrySnapshot;

    public boolean open() {
        return status == Status.OPEN;
    }

    /** Not yet triaged and past its triage deadline. */
    public boolean overdue(Instant now) {
        return open() && triagedAt == null && now.isAfter(triageDueAt);
    }

    public static List<Concern> openOf(long entryId) {
        return list("entryId = ?1 and status = ?2", entryId, Status.OPEN);
    }

    public static long openCount() {
        return count("status", Status.OPEN);
    }
}
