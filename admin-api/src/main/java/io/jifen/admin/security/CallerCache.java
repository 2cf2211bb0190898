package io.jifen.admin.security;

import io.jifen.admin.shared.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recently authenticated keys, so a busy integrator's key is not looked up on every request.
 * Entries live {@link #TTL}; a revocation clears this instance's cache at once, other instances
 * stop accepting the key within {@link #TTL} (documented in docs/operations.md).
 */
@ApplicationScoped
public class CallerCache {
    static final Duration TTL = Duration.ofSeconds(5);

    private final ExpiringCache<String, Caller> callers = new ExpiringCache<>(TTL, 10_000);

    /** The caller for this secret hash, looked up with {@code load} when not cached (null when unknown). */
    Caller get(byte[] secretHash, Supplier<Caller> load) {
        return callers.get(HexFormat.of().formatHex(secretHash), k -> Optional.ofNullable(load.get())).orElse(null);
    }

    public void invalidateAll() {
        callers.clear();
    }
}
