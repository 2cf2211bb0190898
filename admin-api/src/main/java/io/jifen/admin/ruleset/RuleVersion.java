package io.jifen.admin.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** An immutable, numbered rule set of a merchant; never updated, never deleted. */
@Entity
@Table(name = "rule_version")
public class RuleVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    public int number;

    @Column(name = "content_hash")
    public String contentHash;

    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public static Optional<RuleVersion> of(Long merchantId, int number) {
        return find("merchantId = ?1 and number = ?2", merchantId, number).firstResultOptional();
    }
}
