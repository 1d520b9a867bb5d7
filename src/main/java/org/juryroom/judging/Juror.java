package org.juryroom.judging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A member of the jury (a designer, a child-rights expert, a teacher from elsewhere). */
@Entity
public class Juror extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String name;
    public String email;
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String expertise;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /**
     * SQL: the juror {@code j} can still sign in (their account, if any, is not deactivated). Only
     * such jurors are given work or mailed about it; a deactivated juror's past work stays.
     */
    public static final String ACTIVE = "not exists (select 1 from app_user u where u.juror_id = j.id"
            + " and u.deactivated_at is not null)";

    /** The jurors whose account is deactivated. */
    public static java.util.Set<Long> deactivated() {
        @SuppressWarnings("unchecked")
        java.util.List<Number> ids = getEntityManager().createNativeQuery("select j.id from juror j where not "
                + ACTIVE).getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }
}
