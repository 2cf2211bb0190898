package io.jifen.admin.ledger;

import io.jifen.admin.config.LedgerConfig;
import io.jifen.admin.shared.IdRangeRollup;
import io.jifen.admin.shared.SqlValues;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the liability report's daily rollup ({@code liability_day}) and its breakage figures
 * ({@code liability_earning_month}) current, so the report never sums the whole ledger per request.
 * The days are an {@link IdRangeRollup} of {@code ledger_entry}: what is not rolled up yet (ids above
 * {@code rolled_through}) the report reads live.
 */
@ApplicationScoped
public class LiabilityRollup {
    @Inject
    EntityManager em;

    @Inject
    LedgerConfig config;

    @Inject
    Clock clock;

    private IdRangeRollup days;

    @PostConstruct
    void init() {
        days = new IdRangeRollup(em, "liability_rollup", "ledger_entry_id_seq", config::liabilityBatch, this::add);
    }

    @Scheduled(identity = "liability-rollup", every = "${jifen.ledger.liability-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            IdRangeRollup.Run run = rollUp();
            if (run.ids() > 0) {
                Log.debugf("liability rollup: %d ids, through %d", run.ids(), run.rolledThrough());
            }
            Instant now = clock.instant();
            if (QuarkusTransaction.requiringNew().call(() -> breakageDue(now))) {
                computeBreakage(now);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "liability rollup: run failed, retrying at the next one");
        }
    }

    /** Rolls up the ledger's entries written before the run began, as far as their writers allow. */
    public IdRangeRollup.Run rollUp() {
        return days.rollUp();
    }

    /** The entry id up to which every entry is in the days (read in the caller's transaction). */
    public long rolledThrough() {
        return days.rolledThrough();
    }

    /** Adds the entries with ids in (after, upTo] to their merchant's day, kind and bucket. */
    private void add(long after, long upTo) {
        em.createNativeQuery("""
                        insert into liability_day (merchant_id, day, kind, bucket, points, entries)
                        select e.merchant_id, cast(e.created_at at time zone m.time_zone as date), e.kind, e.bucket,
                               sum(e.points), count(*)
                        from ledger_entry e join merchant m on m.id = e.merchant_id
                        where e.id > ?1 and e.id <= ?2
                        group by e.merchant_id, 2, e.kind, e.bucket
                        on conflict (merchant_id, day, kind, bucket) do update
                            set points = liability_day.points + excluded.points,
                                entries = liability_day.entries + excluded.entries""")
                .setParameter(1, after).setParameter(2, upTo).executeUpdate();
    }

    private boolean breakageDue(Instant now) {
        Object at = em.createNativeQuery("select breakage_at from liability_rollup where id = 1")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return at == null || !SqlValues.instant(at).plus(config.breakageEvery()).isAfter(now);
    }

    /**
     * Recomputes the breakage figures of every merchant as of {@code asOf} from its lots, in one
     * transaction (readers see the old figures or the new ones); skipped when another instance holds the
     * state row. Lots past their expiry that the expiry job has not reached yet count as expired.
     */
    public boolean computeBreakage(Instant asOf) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (em.createNativeQuery("select id from liability_rollup where id = 1 for update skip locked")
                    .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty()) {
                return false;
            }
            em.createNativeQuery("delete from liability_earning_month").executeUpdate();
            em.createNativeQuery("""
                            insert into liability_earning_month (merchant_id, month, points, expired, lots, last_expiry,
                                                                 never_expiring)
                            select l.merchant_id, cast(date_trunc('month', l.earned_on) as date),
                                   coalesce(sum(l.points) filter (where t.kind <> 'TRANSFER'), 0),
                                   sum(l.expired + case when l.expires_at <= ?1 then l.remaining else 0 end),
                                   count(*), max(l.expires_at), count(*) filter (where l.expires_at is null)
                            from point_lot l join loyalty_transaction t on t.id = l.transaction_id
                            group by 1, 2""")
                    .setParameter(1, asOf).executeUpdate();
            em.createNativeQuery("update liability_rollup set breakage_at = ?1 where id = 1")
                    .setParameter(1, asOf).executeUpdate();
            return true;
        });
    }
}
