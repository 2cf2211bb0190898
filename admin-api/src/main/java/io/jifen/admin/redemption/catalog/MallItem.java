package io.jifen.admin.redemption.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An item of a merchant's points mall. Its {@code stock} is written once, when the item is created:
 * afterwards it moves only through conditional SQL updates (a redemption takes one, a cancellation
 * gives one back, marketing adds or removes some), never by saving this entity.
 */
@Entity
@Table(name = "mall_item")
public class MallItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    public String sku;
    public String name;
    public String description;

    @Column(name = "image_url")
    public String imageUrl;

    @Enumerated(EnumType.STRING)
    public ItemType type;
    public String category;

    @Column(name = "base_points")
    public long basePoints;

    @Column(name = "cash_price")
    public BigDecimal cashPrice;

    @Column(name = "stock", updatable = false)
    public Long stock;

    @Column(name = "per_member_limit")
    public Integer perMemberLimit;

    @Column(name = "tiers_allowed")
    public String tiersAllowed;

    @Column(name = "available_from")
    public Instant availableFrom;

    @Column(name = "available_until")
    public Instant availableUntil;

    public boolean active;

    /** A JSON object of strings: what pricing rules read as the item's attributes (e.g. faceValue). */
    public String attributes;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_source")
    public CodeSource codeSource;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<MallItem> of(long merchantId, String sku) {
        return find("merchantId = ?1 and sku = ?2", merchantId, sku).firstResultOptional();
    }

    public List<String> tiers() {
        return tiersAllowed == null || tiersAllowed.isBlank() ? List.of() : Arrays.asList(tiersAllowed.split(","));
    }

    /** Whether a member of this tier may redeem it (an empty list means every tier). */
    public boolean allowsTier(String tier) {
        List<String> tiers = tiers();
        return tiers.isEmpty() || tiers.contains(tier == null ? "" : tier);
    }

    /** Whether the item's availability window holds {@code at}: from inclusive, until exclusive. */
    public boolean availableAt(Instant at) {
        return (availableFrom == null || !at.isBefore(availableFrom)) && (availableUntil == null || at.isBefore(availableUntil));
    }

    /** Whether redeeming it issues a code: virtual goods and coupons (from the pool or generated), services (a booking code). */
    public boolean issuesCode() {
        return type.issuesCode();
    }

    /** Codes come from the uploaded pool, unless the item generates them (services always do). */
    public boolean generatesCodes() {
        return type == ItemType.SERVICE || codeSource == CodeSource.GENERATED;
    }
}
