package io.jifen.admin.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a member's points ledger. Append-only: inserted, never updated or deleted. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "member_id")
    public Long memberId;

    /** EARN for points from a transaction's awards. */
    public String kind;

    public long points;

    @Column(name = "balance_after")
    public long balanceAfter;

    @Column(name = "transaction_id")
    public Long transactionId;

    @Column(name = "rule_version_id")
    public Long ruleVersionId;

    @Column(name = "rule_name")
    public String ruleName;

    public String family;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;
}
