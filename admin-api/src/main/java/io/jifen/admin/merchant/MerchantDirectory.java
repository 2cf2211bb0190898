package io.jifen.admin.merchant;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Merchants by code, kept a few seconds: every request names its merchant, and merchant settings
 * change rarely. The instances handed out are read-only snapshots (changes go through
 * {@link MerchantService}, which re-reads and then clears this instance's entry); other instances
 * see a change within {@link #TTL}.
 */
@ApplicationScoped
public class MerchantDirectory {
    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Merchant merchant, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> byCode = new ConcurrentHashMap<>();

    public Optional<Merchant> byCode(String code) {
        Entry e = byCode.get(code);
        if (e != null && e.expiresAt() - System.nanoTime() > 0) {
            return Optional.of(e.merchant());
        }
        Optional<Merchant> merchant = Merchant.byCode(code);
        if (merchant.isPresent()) {
            if (byCode.size() >= MAX_ENTRIES) {
                byCode.clear();
            }
            byCode.put(code, new Entry(merchant.get(), System.nanoTime() + TTL.toNanos()));
        }
        return merchant;
    }

    void forget(String code) {
        byCode.remove(code);
    }
}
