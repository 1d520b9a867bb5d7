package org.juryroom.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A child who made the entry: first name and grade only, never more (data minimisation). */
@Entity
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id")
    public Entry entry;

    public int position;

    @Column(name = "first_name")
    @jakarta.persistence.Convert(converter = org.juryroom.common.NfcText.class)
    public String firstName;

    /** Null once erased (docs/privacy.md), like the first name. */
    public Integer grade;
}
