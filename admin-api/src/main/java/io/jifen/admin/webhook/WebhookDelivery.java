package io.jifen.admin.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One event for one webhook. The outbox writes it (pending, due at once); {@link WebhookDispatcher}
 * claims, sends and records it. Read-only here: every write is a native statement.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(name = "webhook_id")
    public Long webhookId;

    @Column(name = "event_id")
    public Long eventId;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    /**
     * DELIVERED, FAILED (given up after the last attempt), CANCELLED (its webhook was disabled first;
     * also a delivery the outbox wrote in a transaction that raced with the disabling, which the
     * dispatcher skips as well) or PENDING.
     */
    public String status(boolean webhookDisabled) {
        if (deliveredAt != null) {
            return "DELIVERED";
        }
        if (failedAt != null) {
            return "FAILED";
        }
        return cancelledAt != null || webhookDisabled ? "CANCELLED" : "PENDING";
    }
}
