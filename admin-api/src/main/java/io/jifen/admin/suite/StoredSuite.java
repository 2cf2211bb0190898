package io.jifen.admin.suite;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A merchant's regression suite, by name: its revisions are {@link SuiteRevision}s; retired ones neither run nor gate. */
@Entity
@Table(name = "suite")
public class StoredSuite extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    public String name;

    @Column(name = "current_revision")
    public int currentRevision;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by")
    public String retiredBy;

    public boolean retired() {
        return retiredAt != null;
    }

    static Optional<StoredSuite> of(long merchantId, String name) {
        return find("merchantId = ?1 and name = ?2", merchantId, name).firstResultOptional();
    }
}
