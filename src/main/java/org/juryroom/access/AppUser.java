package org.juryroom.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A sign-in: an organiser, a juror (linked to its juror) or a school (linked to its school). */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    @Column(name = "school_id")
    public Long schoolId;

    @Column(name = "juror_id")
    public Long jurorId;

    /** Set when this account is a designated safeguarding lead (its own role, or in addition to another). */
    @Column(name = "safeguarding_lead_id")
    public Long safeguardingLeadId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** Set while an organiser has deactivated the account: it cannot sign in (see AccountActivation). */
    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    /** The user's chosen language (en, hi, bn; see i18n/Languages), or null: the browser decides. */
    public String language;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static boolean organiserExists() {
        return count("role", org.juryroom.access.Roles.ORGANISER) > 0;
    }
}
