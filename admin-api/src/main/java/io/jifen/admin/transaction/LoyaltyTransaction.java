package io.jifen.admin.transaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A posted purchase or event, unique per merchant and external id; its stored result answers retries. */
@Entity
@Table(name = "loyalty_transaction")
public class LoyaltyTransaction extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "external_id")
    public String externalId;

    public String kind;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "member_id")
    public Long memberId;

    public BigDecimal amount;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "payload_hash")
    public String payloadHash;

    @Column(name = "rule_version_id")
    public Long ruleVersionId;

    @Column(name = "total_points")
    public long totalPoints;

    public String result;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<LoyaltyTransaction> of(Long merchantId, String externalId) {
        return find("merchantId = ?1 and externalId = ?2", merchantId, externalId).firstResultOptional();
    }
}
