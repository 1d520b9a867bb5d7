package org.juryroom.safeguarding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A designated safeguarding lead (DSL): receives every concern and decides what happens to the entry. */
@Entity
@Table(name = "safeguarding_lead")
public class SafeguardingLead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String name;
    public String email;
    public String phone;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** SQL: the lead {@code l} receives concerns, its account (if any) not deactivated. */
    static final String ACTIVE = "not exists (select 1 from app_user u where u.safeguarding_lead_id = l.id"
            + " and u.deactivated_at is not null)";

    /** Whether a concern raised now reaches anyone: some lead {@link #ACTIVE}, as the alerts go to. */
    public static boolean anyActive() {
        return anyActiveBesides(0);
    }

    /** Whether a lead other than {@code leadId} is {@link #ACTIVE}: the last one may not be deactivated. */
    static boolean anyActiveBesides(long leadId) {
        return !getEntityManager().createNativeQuery("select 1 from safeguarding_lead l where l.id <> ?1 and "
                + ACTIVE + " limit 1").setParameter(1, leadId).getResultList().isEmpty();
    }

    /**
     * Whether an alert to this address still reaches a lead {@link #ACTIVE}: one to a lead since deactivated,
     * or to an address since corrected, is not worth trying for ever (the desk has the concern either way).
     */
    public static boolean receivesAt(String email) {
        return !getEntityManager().createNativeQuery("select 1 from safeguarding_lead l where lower(l.email) = lower(?1)"
                + " and " + ACTIVE + " limit 1").setParameter(1, email).getResultList().isEmpty();
    }
}
