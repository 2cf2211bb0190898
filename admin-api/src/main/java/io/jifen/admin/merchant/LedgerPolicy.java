package io.jifen.admin.merchant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The merchant's points policy as the ledger applies it: when a lot expires, how long it is held
 * pending, the caps, what a refund does when the points are already spent, transfers, tiers and the
 * balance thresholds announced to webhooks. Times are the merchant's, in its time zone.
 */
public record LedgerPolicy(ZoneId zone, ExpiryRule expiryRule, Integer expiryMonths, int pendingDays, Long accountCap,
                           Long dailyEarnCap, Shortfall shortfall, boolean transfersEnabled, Long transferMin,
                           Long transferMax, List<String> tierOrder, int tierPeriodMonths, List<Long> balanceThresholds) {

    /** A refund that takes back more than the member has: go negative, or take what is there and record the rest. */
    public enum Shortfall { ALLOW_NEGATIVE, TAKE_AVAILABLE }

    public static LedgerPolicy of(Merchant m) {
        return new LedgerPolicy(ZoneId.of(m.timeZone), m.expiryPolicy, m.expiryMonths, m.pendingDays, m.accountCap,
                m.dailyEarnCap, m.shortfallPolicy == null ? Shortfall.TAKE_AVAILABLE : Shortfall.valueOf(m.shortfallPolicy),
                m.transfersEnabled, m.transferMin, m.transferMax,
                m.tierOrder == null || m.tierOrder.isBlank() ? List.of() : List.of(m.tierOrder.split(",")),
                m.tierPeriodMonths <= 0 ? 12 : m.tierPeriodMonths,
                m.balanceThresholds == null || m.balanceThresholds.isBlank() ? List.of()
                        : Arrays.stream(m.balanceThresholds.split(",")).map(Long::valueOf).sorted().toList());
    }

    /**
     * When points earned on {@code earnedOn} (merchant-local) expire, at the start of the first day
     * after their validity ({@link ExpiryRule}) in the merchant's zone; null when they never do.
     */
    public Instant expiresAt(LocalDate earnedOn) {
        LocalDate firstDayAfter = expiryRule == null ? null : expiryRule.firstDayAfter(earnedOn, expiryMonths);
        return firstDayAfter == null ? null : firstDayAfter.atStartOfDay(zone).toInstant();
    }

    /** When points of a purchase made at {@code occurredAt} become spendable: after the return window. */
    public Instant availableAt(Instant occurredAt) {
        return occurredAt.plus(Duration.ofDays(pendingDays));
    }

    public LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** A tier's rank: its place in the order, -1 for no tier or a tier the order does not name. */
    public int rank(String tier) {
        return tierOrder.indexOf(tier == null ? "" : tier);
    }

    /** The thresholds a balance passed going from {@code before} up to {@code after}. */
    public List<Long> thresholdsCrossed(long before, long after) {
        return balanceThresholds.stream().filter(t -> before < t && after >= t).toList();
    }
}
