package org.juryroom.consent;

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
import java.util.Map;

/** A version of the consent notice guardians read, in every language the app speaks. */
@Entity
@Table(name = "consent_notice")
public class ConsentNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public int version;

    /** SHA-256 of the texts (canonical): the same text never becomes two versions. */
    @Column(name = "text_sha256")
    public String textSha256;

    /** Language tag to text. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> texts;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
