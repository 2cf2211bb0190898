package io.jifen.admin.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A merchant's endpoint for domain events. {@code eventTypes} is {@code *} (every type, including
 * types added later) or a comma-separated list; {@code secret} signs deliveries, so it is stored as is.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {
    public static final String ALL_TYPES = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    public String url;

    public String secret;

    @Column(name = "event_types")
    public String eventTypes;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "disabled_at")
    public Instant disabledAt;
}
