package io.jifen.admin.merchant;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A merchant as the API shows it. */
public record MerchantView(String code, String name, String timeZone, String currency, PointsPolicyModel pointsPolicy,
                           Instant createdAt, Instant updatedAt) {

    static MerchantView of(Merchant m) {
        return new MerchantView(m.code, m.name, m.timeZone, m.currency, new PointsPolicyModel(m.rounding, m.stacking,
                new PointsPolicyModel.Expiry(m.expiryPolicy.name(), m.expiryMonths), m.accountCap, m.autoEnrol,
                m.pendingDays, m.dailyEarnCap, m.shortfallPolicy,
                new PointsPolicyModel.Transfers(m.transfersEnabled, m.transferMin, m.transferMax),
                new PointsPolicyModel.Tiers(List.of(m.tierOrder.split(",")), m.tierPeriodMonths),
                m.balanceThresholds.isEmpty() ? List.of()
                        : Arrays.stream(m.balanceThresholds.split(",")).map(Long::valueOf).toList(),
                m.pointValue == null ? null : m.pointValue.stripTrailingZeros().scale() < 0
                        ? m.pointValue.setScale(0) : m.pointValue.stripTrailingZeros()),
                m.createdAt, m.updatedAt);
    }
}
