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

import java.util.Arrays;
import java.util.List;

/** A kind of work (poster, essay, video) with the file types and size it accepts. */
@Entity
public class Category extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "competition_id")
    public Competition competition;

    public String code;
    public String name;

    @Column(name = "allowed_types")
    public String allowedTypesCsv;

    @Column(name = "max_file_bytes")
    public long maxFileBytes;

    public List<String> allowedTypes() {
        return Arrays.stream(allowedTypesCsv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
