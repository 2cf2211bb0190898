package io.jifen.admin.member;

import io.jifen.admin.shared.Attributes;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A merchant's member, known by the merchant's own id; holds the running balance. */
@Entity
@Table(name = "member")
public class LoyaltyMember extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "external_id")
    public String externalId;

    public String tier;
    @Enumerated(EnumType.STRING)
    public MemberStatus status;

    @Column(name = "enrolled_on")
    public LocalDate enrolledOn;

    public LocalDate birthday;

    /** The attributes integrators set (a JSON object of strings, as stored; null: none): see {@link #attributes()}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(name = "attributes", columnDefinition = "jsonb")
    public String attributesJson;

    public long balance;

    /** Points held for the return window, not yet spendable. */
    public long pending;

    @Column(name = "frozen_reason")
    public String frozenReason;

    @Column(name = "tier_since")
    public Instant tierSince;

    @Column(name = "tier_review_at")
    public Instant tierReviewAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The member's attributes by name (empty when it has none). */
    public Map<String, String> attributes() {
        return Attributes.values(attributesJson);
    }

    public static Optional<LoyaltyMember> of(Long merchantId, String externalId) {
        return find("merchantId = ?1 and externalId = ?2", merchantId, externalId).firstResultOptional();
    }

    /**
     * Re-reads this member and locks its row for the rest of the transaction, so postings to one
     * member are serialised and always see the balance the previous one committed.
     */
    public LoyaltyMember lockForUpdate() {
        getEntityManager().refresh(this, LockModeType.PESSIMISTIC_WRITE);
        return this;
    }
}
