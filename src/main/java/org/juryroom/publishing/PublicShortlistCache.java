package org.juryroom.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import org.juryroom.common.ChangeSignals;
import org.juryroom.common.ChangeSnapshots;
import org.juryroom.common.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The public shortlists (page, gallery and API) built once per publication state and kept in
 * memory. The database adds a {@code public_change} row in the same transaction as every change that
 * can alter what the public sees (a publication or unpublication, a hold, a withdrawal of consent, an
 * erasure, a file or name change: the triggers of migrations V27 and V45), so every instance can tell: a copy is
 * current when the competition's status is the held copy's and no change row exists that the copy's
 * snapshot, taken before it was built, did not see ({@link ChangeSnapshots}: right whatever order
 * writers commit in). That check (index lookups) runs only when {@link ChangeSignals} says something
 * may have changed since the copy was last checked (a notification from any instance, a transaction of
 * this one, a lost listener); otherwise a request is served from memory with no database work at all.
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
     * database snapshot taken before building (null: not kept). {@code checked}: the highest
     * {@link ChangeSignals#generation()} read before the copy was built or found current in the database.
     */
    public record Snapshot<T>(String version, String seen, T value, ConcurrentHashMap<String, Body> bodies,
                              AtomicLong checked) {
        public Body body(String form, Supplier<Body> make) {
            return bodies.computeIfAbsent(form, f -> make.get());
        }
    }

    private final ConcurrentHashMap<Object, Snapshot<?>> snapshots = new ConcurrentHashMap<>();
    private final PublicShortlistService shortlists;
    private final EntityManager em;
    private final ChangeSnapshots changes;
    private final ChangeSignals signals;

    public PublicShortlistCache(PublicShortlistService shortlists, EntityManager em, ChangeSnapshots changes,
                                ChangeSignals signals) {
        this.shortlists = shortlists;
        this.em = em;
        this.changes = changes;
        this.signals = signals;
    }

    /** The key of the list of published competitions (a competition's own key is its id). */
    static final String PUBLISHED = "published";

    /**
     * The copy held under {@code key} when it is known current without asking the database (the
     * listener is healthy and nothing moved the generation since the copy was last checked); else null,
     * and the caller takes the path that checks.
     */
    Snapshot<?> current(Object key) {
        // Health first: a listener (re)connected moves the generation before it says it is healthy.
        boolean listening = signals.healthy();
        long generation = signals.generation();
        Snapshot<?> held = snapshots.get(key);
        return held != null && listening && held.checked().get() == generation ? held : null;
    }

    /** The published shortlist of a competition (404 when it is not published). */
    public Snapshot<PublicShortlistService.PublicShortlist> shortlist(long competitionId) {
        return get(competitionId, competitionId, () -> {
            List<?> status = em.createNativeQuery("select status from competition where id = :id")
                    .setParameter("id", competitionId).getResultList();
            if (status.isEmpty()) {
                throw ProblemException.notFound("Published shortlist " + competitionId);
            }
            return status.get(0).toString();
        }, () -> shortlists.shortlist(competitionId));
    }

    /** The published competitions; any competition's new version or a new or deleted one makes a new list. */
    public <T> Snapshot<T> published(Supplier<T> build) {
        return get(PUBLISHED, null,
                () -> em.createNativeQuery("select count(*) from competition").getSingleResult().toString(), build);
    }

    /**
     * {@code competitionId}: whose changes make the copy old (null: any competition's); {@code version}:
     * what the copy must match, read from the database only when the signals say it may have changed.
     */
    @SuppressWarnings("unchecked")
    private <T> Snapshot<T> get(Object key, Long competitionId, Supplier<String> version, Supplier<T> build) {
        // Read before the check below: a change after it moves the generation past what the copy records.
        long generation = signals.generation();
        Snapshot<?> known = current(key);
        if (known != null) {
            return (Snapshot<T>) known;
        }
        Snapshot<?> held = snapshots.get(key);
        String current;
        try {
            current = version.get();
        } catch (RuntimeException e) {
            snapshots.remove(key);
            throw e;
        }
        if (held != null && held.version().equals(current)
                && changes.unchangedSince("public_change", competitionId, held.seen())) {
            held.checked().accumulateAndGet(generation, Math::max);
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
        Snapshot<T> fresh = new Snapshot<>(current, seen, value, new ConcurrentHashMap<>(),
                new AtomicLong(generation));
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
