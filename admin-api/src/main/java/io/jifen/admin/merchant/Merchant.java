package io.jifen.admin.merchant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "merchant")
public class Merchant extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;
    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    public String currency;
    public String rounding;
    public String stacking;

    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_policy")
    public ExpiryRule expiryPolicy;

    @Column(name = "expiry_months")
    public Integer expiryMonths;

    @Column(name = "account_cap")
    public Long accountCap;

    @Column(name = "auto_enrol")
    public boolean autoEnrol;

    @Column(name = "pending_days")
    public int pendingDays;

    @Column(name = "daily_earn_cap")
    public Long dailyEarnCap;

    @Column(name = "shortfall_policy")
    public String shortfallPolicy;

    @Column(name = "transfers_enabled")
    public boolean transfersEnabled;

    @Column(name = "transfer_min")
    public Long transferMin;

    @Column(name = "transfer_max")
    public Long transferMax;

    /** Tier names, lowest first, comma-separated. */
    @Column(name = "tier_order")
    public String tierOrder;

    @Column(name = "tier_period_months")
    public int tierPeriodMonths;

    /** Balances (ascending, comma-separated) whose upward crossing is announced as an event. */
    @Column(name = "balance_thresholds")
    public String balanceThresholds;

    /** What one point is worth in the merchant's currency; null when the merchant has not said. */
    @Column(name = "point_value")
    public BigDecimal pointValue;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Merchant> byCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
