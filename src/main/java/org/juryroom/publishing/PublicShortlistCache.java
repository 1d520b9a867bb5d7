package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import org.juryroom.common.ChangeSnapshots;
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
 * memory. The database adds a {@code public_change} row in the same transaction as every change that
 * can alter what the public sees (a publication or unpublication, a hold, a withdrawal of consent, an
 * erasure, a file or name change: the triggers of migration V27), so every instance sees it on its
 * next request: each request first checks (index lookups) that the competition's status is the held
 * copy's and that no change row exists that the copy's snapshot, taken before it was built, did not
 * see ({@link ChangeSnapshots}: right whatever order writers commit in).
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

    /**
     * What was built for one version, and its representations, each made on first use. {@code seen}: the
     * database snapshot taken before building (null: not kept).
     */
    public record Snapshot<T>(String version, String seen, T value, ConcurrentHashMap<String, Body> bodies) {
        public Body body(String form, Supplier<Body> make) {
            return bodies.computeIfAbsent(form, f -> make.get());
        }
    }

    private final ConcurrentHashMap<Object, Snapshot<?>> snapshots = new ConcurrentHashMap<>();
    private final PublicShortlistService shortlists;
    private final EntityManager em;
    private final ChangeSnapshots changes;

    public PublicShortlistCache(PublicShortlistService shortlists, EntityManager em, ChangeSnapshots changes) {
        this.shortlists = shortlists;
        this.em = em;
        this.changes = changes;
    }

    /** The published shortlist of a competition (404 when it is not published). */
    public Snapshot<PublicShortlistService.PublicShortlist> shortlist(long competitionId) {
        List<?> status = em.createNativeQuery("select status from competition where id = :id")
                .setParameter("id", competitionId).getResultList();
        if (status.isEmpty()) {
            throw ProblemException.notFound("Published shortlist " + competitionId);
        }
        return get(competitionId, competitionId, status.get(0).toString(), () -> shortlists.shortlist(competitionId));
    }

    /** The published competitions; any competition's new version or a new or deleted one makes a new list. */
    public <T> Snapshot<T> published(Supplier<T> build) {
        Object count = em.createNativeQuery("select count(*) from competition").getSingleResult();
        return get("published", null, count.toString(), build);
    }

    /** {@code competitionId}: whose changes make the copy old (null: any competition's). */
    @SuppressWarnings("unchecked")
    private <T> Snapshot<T> get(Object key, Long competitionId, String version, Supplier<T> build) {
        Snapshot<?> held = snapshots.get(key);
        if (held != null && held.version().equals(version)
                && changes.unchangedSince("public_change", competitionId, held.seen())) {
            return (Snapshot<T>) held;
        }
        String seen = changes.take();
        T value;
        try {
            value = build.get();
        } catch (RuntimeException e) {
            snapshots.remove(key);
            throw e;
        }
        Snapshot<T> fresh = new Snapshot<>(version, seen, value, new ConcurrentHashMap<>());
        if (seen != null) {
            snapshots.put(key, fresh);
        } else {
            snapshots.remove(key);
        }
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
