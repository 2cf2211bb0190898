package io.jifen.admin.merchant;

import io.jifen.admin.shared.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Merchants by code, kept a few seconds: every request names its merchant, and merchant settings
 * change rarely. The instances handed out are read-only snapshots (changes go through
 * {@link MerchantService}, which re-reads and then clears this instance's entry); other instances
 * see a change within {@link #TTL}.
 */
@ApplicationScoped
public class MerchantDirectory {
    static final Duration TTL = Duration.ofSeconds(5);

    private final ExpiringCache<String, Merchant> byCode = new ExpiringCache<>(TTL, 10_000);

    public Optional<Merchant> byCode(String code) {
        return byCode.get(code, Merchant::byCode);
    }

    void forget(String code) {
        byCode.forget(code);
    }
}
