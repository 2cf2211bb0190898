package io.jifen.admin.merchant;

import java.time.Instant;

/** A merchant as the API shows it. */
public record MerchantView(String code, String name, String timeZone, String currency, PointsPolicyModel pointsPolicy,
                           Instant createdAt, Instant updatedAt) {

    static MerchantView of(Merchant m) {
        return new MerchantView(m.code, m.name, m.timeZone, m.currency, new PointsPolicyModel(m.rounding, m.stacking,
                new PointsPolicyModel.Expiry(m.expiryPolicy, m.expiryMonths), m.accountCap, m.autoEnrol),
                m.createdAt, m.updatedAt);
    }
}
