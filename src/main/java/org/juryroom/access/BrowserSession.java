package org.juryroom.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** One signed-in browser: the hash of its session id, whose it is, and when it was last used. */
@Entity
@Table(name = "web_session")
public class BrowserSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public AppUser user;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** The session with this id hash, if it belongs to this user and was used after {@code idleSince}. */
    public static Optional<BrowserSession> live(String idHash, String username, Instant idleSince) {
        return find("from BrowserSession s join fetch s.user u where s.idHash = ?1 and u.username = ?2"
                + " and s.lastSeenAt > ?3 and u.deactivatedAt is null", idHash, username, idleSince).firstResultOptional();
    }

    public static long end(String idHash, String username) {
        return delete("idHash = ?1 and user.id in (select u.id from AppUser u where u.username = ?2)", idHash, username);
    }

    public static long prune(Instant idleSince) {
        return delete("lastSeenAt <= ?1", idleSince);
    }
}
