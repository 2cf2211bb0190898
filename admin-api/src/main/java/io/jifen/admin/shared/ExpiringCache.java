package io.jifen.admin.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small per-instance cache whose entries live a fixed time; absent values are not cached. Bounded
 * crudely: past {@code maxEntries} it starts over, which only costs a few reloads.
 */
public final class ExpiringCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The cached value, or {@code load}'s (cached when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAt() - System.nanoTime() > 0) {
            return Optional.of(e.value());
        }
        Optional<V> value = load.apply(key);
        value.ifPresent(v -> {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(v, System.nanoTime() + ttl.toNanos()));
        });
        return value;
    }

    public void forget(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
