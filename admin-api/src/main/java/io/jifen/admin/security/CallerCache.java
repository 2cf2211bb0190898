package io.jifen.admin.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recently authenticated keys, so a busy integrator's key is not looked up on every request.
 * Entries live {@link #TTL}; a revocation clears this instance's cache at once, other instances
 * stop accepting the key within {@link #TTL} (documented in docs/operations.md).
 */
@ApplicationScoped
public class CallerCache {
    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Caller get(byte[] secretHash) {
        Entry e = entries.get(HexFormat.of().formatHex(secretHash));
        return e != null && e.expiresAt() - System.nanoTime() > 0 ? e.caller() : null;
    }

    void put(byte[] secretHash, Caller caller) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(HexFormat.of().formatHex(secretHash), new Entry(caller, System.nanoTime() + TTL.toNanos()));
    }

    public void invalidateAll() {
        entries.clear();
    }
}
