package io.jifen.admin.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API key: only the SHA-256 of its secret is stored; the secret is shown once, at creation. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "secret_hash")
    public byte[] secretHash;

    public String label;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
