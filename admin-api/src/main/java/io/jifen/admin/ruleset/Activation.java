package io.jifen.admin.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * "From this instant on, this version is live". The live version at any instant is the one of the
 * latest activation at or before it, so exactly one version is active once any was activated, every
 * service instance reading the table agrees, and a rollback is simply a new activation.
 */
@Entity
@Table(name = "activation")
public class Activation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "merchant_id")
    public Long merchantId;

    @Column(name = "rule_version_id")
    public Long ruleVersionId;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** When an instance claimed this activation to announce it went live (ActivationWatcher); null until then. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    /** NO_SUITES, PASSED or OVERRIDDEN: what the stored suites said when the activation was made ({@link ActivationGate}). */
    @Column(name = "suite_gate")
    public String suiteGate = NO_SUITES;

    @Column(name = "gate_suites")
    public int gateSuites;

    @Column(name = "gate_scenarios")
    public int gateScenarios;

    @Column(name = "gate_failed")
    public int gateFailed;

    /** Why it was released although stored suites failed; set exactly when {@link #suiteGate} is OVERRIDDEN. */
    @Column(name = "override_reason")
    public String overrideReason;

    public static final String NO_SUITES = "NO_SUITES";
    public static final String PASSED = "PASSED";
    public static final String OVERRIDDEN = "OVERRIDDEN";
}
