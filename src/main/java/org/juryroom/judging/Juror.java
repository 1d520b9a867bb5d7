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
}
