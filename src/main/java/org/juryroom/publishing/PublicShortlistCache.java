package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import org.juryroom.common.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The public shortlists (page, gallery and API) built once per publication state and kept in
 * memory. Each request first reads the competition's status and highest {@code public_change}
 * version (index lookups); only when they differ from the copy held here is the shortlist built
 * again. The database adds a change row in the same transaction as every change that can alter what
 * the public sees (a publication or unpublication, a hold, a withdrawal of consent, an erasure, a
 * file or name change: the triggers of migration V27), so every instance sees it on its next request.
 * The version is read before the data, so a copy is never older than its version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicShortlistCache {

    /** One representation, its bytes and its strong tag (a hash of the bytes: the same on every instance). */
    public record Body(byte[] bytes, EntityTag tag) {
        public static Body of(byte[] bytes) {
            return new Body(bytes, new EntityTag(sha256(bytes).substring(0, 32)));
        }

        public static Body of(String text) {
            return of(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What was built for one version, and its representations, each made on first use. */
    public record Snapshot<T>(String version, T value, ConcurrentHashMap<String, Body> bodies) {
        public Body body(String form, Supplier<Body> make) {
            return bodies.computeIfAbsent(form, f -> make.get());
        }
    }

    private final ConcurrentHashMap<Object, Snapshot<?>> snapshots = new ConcurrentHashMap<>();
    private final PublicShortlistService shortlists;
    private final EntityManager em;

    public PublicShortlistCache(PublicShortlistService shortlists, EntityManager em) {
        this.shortlists = shortlists;
        this.em = em;
    }

    /** The published shortlist of a competition (404 when it is not published). */
    public Snapshot<PublicShortlistService.PublicShortlist> shortlist(long competitionId) {
        List<?> version = em.createNativeQuery("select c.status || '/' || coalesce((select max(p.version)"
                        + " from public_change p where p.competition_id = c.id), 0) from competition c where c.id = :id")
                .setParameter("id", competitionId).getResultList();
        if (version.isEmpty()) {
            throw ProblemException.notFound("Published shortlist " + competitionId);
        }
        return get(competitionId, version.get(0).toString(), () -> shortlists.shortlist(competitionId));
    }

    /** The published competitions; any competition's new version or a new or deleted one makes a new list. */
    public <T> Snapshot<T> published(Supplier<T> build) {
        Object[] row = (Object[]) em.createNativeQuery("select coalesce((select max(version) from public_change), 0),"
                + " count(*) from competition").getSingleResult();
        return get("published", row[0] + "/" + row[1], build);
    }

    @SuppressWarnings("unchecked")
    private <T> Snapshot<T> get(Object key, String version, Supplier<T> build) {
        Snapshot<?> held = snapshots.get(key);
        if (held != null && held.version().equals(version)) {
            return (Snapshot<T>) held;
        }
        T value;
        try {
            value = build.get();
        } catch (RuntimeException e) {
            snapshots.remove(key);
            throw e;
        }
        Snapshot<T> fresh = new Snapshot<>(version, value, new ConcurrentHashMap<>());
        snapshots.put(key, fresh);
        return fresh;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
