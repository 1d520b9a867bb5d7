package org.juryroom.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;

/** A participating school; its teacher signs in with the school's account. */
@Entity
public class School extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String name;
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String district;

    @Column(name = "contact_name")
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    /** The school's own designated safeguarding contact, whom a safeguarding lead calls first. */
    @Column(name = "safeguarding_name")
    public String safeguardingName;

    @Column(name = "safeguarding_phone")
    public String safeguardingPhone;

    @Column(name = "safeguarding_email")
    public String safeguardingEmail;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
