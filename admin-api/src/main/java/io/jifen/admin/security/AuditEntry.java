package io.jifen.admin.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One configuration change: who (key id), when, what. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "actor_key_id")
    public String actorKeyId;

    public String action;

    public String target;

    public String details;

    public Instant at;
}
