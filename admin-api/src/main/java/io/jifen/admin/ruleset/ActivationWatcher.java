package io.jifen.admin.ruleset;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.problem.RetryLater;
import io.jifen.admin.security.AuditLog;
import io.jifen.engine.WhenBusy;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Watches scheduled activations. Every poll it (a) compiles, into this instance's cache, the
 * programs of activations due within {@code jifen.activation.precompile-ahead}, so the first
 * evaluation after the switch does not pay the compile, and (b) announces each activation that has
 * taken effect with one {@code rule-version.went-live} audit entry.
 *
 * <p>The switch itself needs no job: {@link RuleVersions#activeVersionId} picks the version by effective
 * instant. Announcing is claimed in the database ({@code UPDATE ... SET announced_at WHERE
 * announced_at IS NULL}, committed with the audit entry), so with several instances on one database
 * exactly one of them writes the entry: the others' UPDATE waits for the row lock and then matches
 * no row.
 */
@ApplicationScoped
public class ActivationWatcher {
    /** The audit actor of entries the watcher writes. */
    static final String ACTOR = "scheduler";

    @Inject
    JifenConfig config;

    @Inject
    ProgramRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Scheduled(identity = "activation-watcher", every = "${jifen.activation.poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            tick(clock.instant());
        } catch (RuntimeException e) {
            Log.warnf(e, "activation watcher: poll failed, retrying at the next one");
        }
    }

    /** One poll as of {@code now}; returns how many activations this call announced. */
    int tick(Instant now) {
        precompileDue(now);
        return announceEffective(now);
    }

    /** Compiles (or finds in the cache) the programs due within the look-ahead; returns those versions. */
    List<RuleVersion> precompileDue(Instant now) {
        List<RuleVersion> due = QuarkusTransaction.requiringNew().call(() -> RuleVersion.<RuleVersion>list(
                "id in (select a.ruleVersionId from Activation a where a.cancelledAt is null and a.announcedAt is null"
                        + " and a.effectiveAt > ?1 and a.effectiveAt <= ?2)",
                now, now.plus(config.activation().precompileAhead())));
        for (RuleVersion version : due) {
            try {
                // a cache hit once compiled; refused (and tried again next poll) while compiles fill every slot
                registry.programOf(version, WhenBusy.REFUSE);
            } catch (RetryLater e) {
                Log.debugf("activation watcher: precompiling rule version %d of merchant %d: %s", version.number,
                        version.merchantId, e.getMessage());
            } catch (RuntimeException e) {
                Log.warnf(e, "activation watcher: rule version %d of merchant %d does not compile", version.number,
                        version.merchantId);
            }
        }
        return due;
    }

    int announceEffective(Instant now) {
        List<Long> effective = QuarkusTransaction.requiringNew().call(() -> Activation.<Activation>list(
                        "cancelledAt is null and announcedAt is null and effectiveAt <= ?1 order by effectiveAt, id", now)
                .stream().map(a -> a.id).toList());
        int announced = 0;
        for (Long id : effective) {
            if (QuarkusTransaction.requiringNew().call(() -> claimAndAnnounce(id, now))) {
                announced++;
            }
        }
        return announced;
    }

    private boolean claimAndAnnounce(Long id, Instant now) {
        int claimed = Activation.update("announcedAt = ?1 where id = ?2 and announcedAt is null and cancelledAt is null",
                now, id);
        if (claimed == 0) {
            return false; // another instance announced it, or it was cancelled meanwhile
        }
        Activation a = Activation.findById(id);
        RuleVersion version = RuleVersion.findById(a.ruleVersionId);
        audit.recordAs(ACTOR, a.merchantId, "rule-version.went-live", "rule-version/" + version.number,
                "effectiveAt=" + a.effectiveAt + ", scheduledBy=" + a.createdBy + ", activation=" + a.id);
        Log.infof("rule version %d of merchant %d went live at %s", version.number, a.merchantId, a.effectiveAt);
        return true;
    }
}
