package org.juryroom.competition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;

/** One rubric line: a weighted criterion scored on an integer scale from minScore to maxScore. */
@Entity
public class Criterion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "competition_id")
    public Competition competition;

    public int position;
    public String code;
    public String name;
    public String description;
    public BigDecimal weight;

    @Column(name = "min_score")
    public int minScore;

    @Column(name = "max_score")
    public int maxScore;
}
