package org.juryroom.ranking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.juryroom.common.ChangeSnapshots;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Each competition's ranking, computed once per change of what it counts and paged from memory.
 * A copy is current while {@code ranking_change} (V34: a row per writing transaction and competition,
 * from triggers on scorecards, entries and conflicts) has no row its snapshot did not see
 * ({@link ChangeSnapshots}). A transaction that has itself written computes without keeping the result.
 */
@ApplicationScoped
public class RankingCache {

    /** The ranking's inputs besides the rows: method, basis (live or the sealed shortlist) and cut. */
    record Key(long competitionId, String method, Long shortlistId, int shortlistSize) {
    }

    /**
     * @param rows  every ranked entry in rank order (no title, school or category: those are read per page)
     * @param pTopN the bootstrap's probability of making the cut, for the entries that can reach it
     */
    public record Ranked(List<RankingQuery.Row> rows, Map<Long, Double> pTopN) {
    }

    private record Held(String snapshot, Ranked ranked) {
    }

    /** Rows kept over all competitions at most (about 170 bytes each): the least recently used copy goes first. */
    static final int MAX_ROWS = 120_000;

    private final ChangeSnapshots changes;
    private final Map<Key, Held> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Long, Object> computing = new ConcurrentHashMap<>();
    private final AtomicLong computations = new AtomicLong();

    public RankingCache(ChangeSnapshots changes) {
        this.changes = changes;
    }

    /** How many rankings were computed since start (tests count recomputations with it). */
    public long computations() {
        return computations.get();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Ranked get(Key key, Supplier<Ranked> compute) {
        Held h = current(key);
        if (h != null) {
            return h.ranked();
        }
        // One computation per competition at a time: requests arriving meanwhile wait and take its result.
        synchronized (computing.computeIfAbsent(key.competitionId(), id -> new Object())) {
            h = current(key);
            if (h != null) {
                return h.ranked();
            }
            String snapshot = changes.take();
            computations.incrementAndGet();
            Ranked ranked = compute.get();
            if (snapshot != null) {
                keep(key, new Held(snapshot, ranked));
            }
            return ranked;
        }
    }

    private Held current(Key key) {
        Held h;
        synchronized (held) {
            h = held.get(key);
        }
        if (h == null) {
            return null;
        }
        return changes.unchangedSince("ranking_change", key.competitionId(), h.snapshot()) ? h : null;
    }

    private void keep(Key key, Held h) {
        synchronized (held) {
            held.keySet().removeIf(k -> k.competitionId() == key.competitionId());
            held.put(key, h);
            long rows = held.values().stream().mapToLong(x -> x.ranked().rows().size()).sum();
            for (Iterator<Held> it = held.values().iterator(); rows > MAX_ROWS && it.hasNext(); ) {
                Held oldest = it.next();
                if (oldest != h) {
                    rows -= oldest.ranked().rows().size();
                    it.remove();
                }
            }
        }
    }
}
