package org.juryroom.access;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Values read from the database, kept while nothing they were read from may have changed: each is put
 * with the generation read <em>before</em> its read, and given back only while the generation is still
 * that one and the source of the generation is healthy (it hears every change). A change committed
 * after the generation was read moves it, so what was read before that change is never given back
 * after it. Bounded: past {@code maxEntries} it starts again empty. Pure: generation and health are given.
 */
final class Remembered<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final LongSupplier generation;
    private final BooleanSupplier healthy;
    private final int maxEntries;

    Remembered(LongSupplier generation, BooleanSupplier healthy, int maxEntries) {
        this.generation = generation;
        this.healthy = healthy;
        this.maxEntries = maxEntries;
    }

    /** The generation to pass to {@link #put}: read it before reading the value. */
    long generation() {
        return generation.getAsLong();
    }

    /** The value, if it was read after the last possible change; else null (read the database). */
    V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.generation() != generation.getAsLong() || !healthy.getAsBoolean()) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }

    /** Remembers a value read after {@code readGeneration} was read; nothing while changes may go unheard. */
    void put(K key, long readGeneration, V value) {
        if (!healthy.getAsBoolean() || readGeneration != generation.getAsLong()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(readGeneration, value));
    }

    void forget(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
