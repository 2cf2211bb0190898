package io.jifen.admin.ruleset;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evicts compiled programs that are neither live, scheduled nor recently used
 * ({@code jifen.engine.idle-time}), every {@code jifen.engine.evict-every}, so the classes of
 * drafts and old versions can unload. Live and scheduled versions are read from the activation
 * table each sweep and never evicted. A version activated between the read and the sweep was
 * compiled by its activation a moment before, so it is not idle; and any evicted program is compiled
 * again from its stored files on next use.
 */
@ApplicationScoped
public class ProgramEviction {
    /** Content hashes of every merchant's live version and of every version with a pending activation. */
    static final String KEPT_HASHES_SQL = """
            select distinct v.content_hash from rule_version v join activation a on a.rule_version_id = v.id
            where a.cancelled_at is null and (a.effective_at > ?1 or a.id in (
                select distinct on (merchant_id) id from activation
                where cancelled_at is null and effective_at <= ?1
                order by merchant_id, effective_at desc, id desc))""";

    @Inject
    ProgramRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(identity = "program-eviction", every = "${jifen.engine.evict-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int evicted = evict();
            if (evicted > 0) {
                Log.infof("evicted %d idle compiled rule programs", evicted);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "program eviction failed, retrying at the next sweep");
        }
    }

    /** One sweep now; returns how many programs were evicted. */
    public int evict() {
        Set<String> kept = keptHashes(clock.instant());
        return registry.evictIdle(kept);
    }

    Set<String> keptHashes(Instant now) {
        List<?> hashes = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery(KEPT_HASHES_SQL).setParameter(1, now).getResultList());
        Set<String> kept = new HashSet<>();
        hashes.forEach(h -> kept.add((String) h));
        return kept;
    }
}
