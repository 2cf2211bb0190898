package io.jifen.admin.webhook;

import io.jifen.admin.config.JifenConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes domain events older than {@code jifen.outbox.keep} whose webhook deliveries are all finished
 * (delivered, given up or cancelled), with those deliveries: the outbox is a queue, not the record of
 * what happened — the ledger is. An event with a delivery still pending stays however old it is. Each
 * instance may prune: a batch takes its events with SKIP LOCKED, so two instances never wait on each
 * other, and deleting is idempotent.
 */
@ApplicationScoped
public class OutboxPruning {
    /** Events per transaction: short transactions, so postings writing new events are never held up long. */
    static final int BATCH = 1000;

    /** At most this many batches per run; the rest waits for the next run. */
    private static final int MAX_BATCHES_PER_RUN = 100;

    private static final String PRUNE_SQL = """
            with doomed as (
                select e.id from outbox_event e
                where e.created_at < ?1
                  and not exists (select 1 from webhook_delivery d where d.event_id = e.id
                                  and d.delivered_at is null and d.failed_at is null and d.cancelled_at is null)
                order by e.id
                limit ?2
                for update of e skip locked),
            deliveries as (delete from webhook_delivery d using doomed where d.event_id = doomed.id)
            delete from outbox_event e using doomed where e.id = doomed.id""";

    @Inject
    EntityManager em;

    @Inject
    JifenConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "outbox-pruning", every = "${jifen.outbox.prune-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            long pruned = prune(clock.instant());
            if (pruned > 0) {
                Log.infof("outbox pruning: %d events older than %s deleted", pruned, config.outbox().keep());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "outbox pruning failed; retrying at the next run");
        }
    }

    /** Deletes what is due at {@code now}, batch by batch; returns how many events went. */
    public long prune(Instant now) {
        Instant cutoff = now.minus(config.outbox().keep());
        long total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(PRUNE_SQL)
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
