package io.jifen.admin.simulation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A simulation run as stored (V14). Created by {@link Simulations}; every later change is a guarded
 * native update (status transitions, progress) made by {@link SimulationRunner}, so this entity is only
 * read.
 */
@Entity
@Table(name = "simulation_run")
public class SimulationRun extends PanacheEntityBase {
    @Id
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    @Column(name = "candidate_version_id")
    public Long candidateVersionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "baseline_kind")
    public BaselineKind baselineKind;

    @Column(name = "baseline_version_id")
    public Long baselineVersionId;

    @Column(name = "window_from")
    public Instant from;

    @Column(name = "window_to")
    public Instant to;

    public int top;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public Long total;

    public long processed;

    public int restarts;

    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    public String error;

    public String report;
}
