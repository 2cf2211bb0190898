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

/** One immutable revision of a stored suite: its YAML text as stored, never updated. */
@Entity
@Table(name = "suite_revision")
public class SuiteRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "suite_id")
    public Long suiteId;

    public int revision;

    /** The suite's own {@code suite:} name, as reports show it (null when the text names none). */
    public String title;

    public String content;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "scenario_count")
    public int scenarioCount;

    public String message;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    static Optional<SuiteRevision> of(long suiteId, int revision) {
        return find("suiteId = ?1 and revision = ?2", suiteId, revision).firstResultOptional();
    }
}
