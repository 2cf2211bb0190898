package io.jifen.admin.ledger;

import io.jifen.admin.config.LedgerConfig;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.shared.SqlValues;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the liability report's daily rollup ({@code liability_day}) and its breakage figures
 * ({@code liability_earning_month}) current, so the report never sums the whole ledger per request.
 *
 * <p>The rollup adds ranges of {@code ledger_entry} ids, never days: an entry's id is taken when it is
 * inserted, and a transaction holding a smaller id may commit after one holding a larger id, so "every id
 * up to N is in" is only safe to say once no transaction that could hold such an id is still open. A run
 * therefore notes the entries' sequence value and a time just after it (the candidate) and rolls that
 * range up at a later step, once no transaction that started before that time and has written anything
 * is still open ({@code pg_stat_activity}: the service's own sessions, one database role). A step adds
 * its range and moves {@code rolled_through} in one transaction under the lock of the state row; an
 * instance that finds the row locked skips its run, so several instances never add a range twice.
 * What is not rolled up yet (ids above {@code rolled_through}) the report reads live.
 */
@ApplicationScoped
public class LiabilityRollup {
    @Inject
    EntityManager em;

    @Inject
    LedgerConfig config;

    @Inject
    Clock clock;

    /** What a run did: ids rolled up (ranges, gaps included) and the id up to which every entry is counted. */
    public record Run(long ids, long rolledThrough) {
    }

    /** What one step found or did. */
    private enum Outcome {
        /** a range was added */
        ROLLED,
        /** a new range was noted, to be added once its writers have finished */
        NOTED,
        /** the noted range still has writers that may commit into it */
        WAITING,
        /** nothing was written since the last range */
        UP_TO_DATE,
        /** another instance holds the state row */
        BUSY
    }

    private record Step(Outcome outcome, long ids, long rolledThrough) {
    }

    @Scheduled(identity = "liability-rollup", every = "${jifen.ledger.liability-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Run run = rollUp();
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

    /**
     * Steps until the rollup has caught up with what was written before the run began, or must wait
     * for a writer, or another instance is at it. Each step is its own transaction.
     */
    public Run rollUp() {
        long target = QuarkusTransaction.requiringNew().call(this::sequenceValue);
        long ids = 0;
        long through = 0;
        for (int steps = 0; steps < 10_000; steps++) {
            Step step = QuarkusTransaction.requiringNew().call(this::step);
            ids += step.ids();
            through = step.rolledThrough();
            boolean progress = step.outcome() == Outcome.ROLLED || step.outcome() == Outcome.NOTED;
            if (!progress || through >= target) {
                break;
            }
        }
        return new Run(ids, through);
    }

    /** The last id the entries' sequence gave out (0 before the first). */
    private long sequenceValue() {
        return ((Number) em.createNativeQuery("select case when is_called then last_value else 0 end"
                + " from ledger_entry_id_seq").setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private Step step() {
        List<Tuple> state = Rows.tuples(em.createNativeQuery("select rolled_through, candidate_id, candidate_at"
                        + " from liability_rollup where id = 1 for update skip locked", Tuple.class)
                .setFlushMode(FlushModeType.COMMIT));
        if (state.isEmpty()) {
            return new Step(Outcome.BUSY, 0, 0);
        }
        long rolled = Rows.longValue(state.get(0), "rolled_through");
        Long candidate = Rows.nullableLong(state.get(0), "candidate_id");
        if (candidate != null && candidate > rolled) {
            if (writersStartedBy(Rows.instant(state.get(0), "candidate_at"))) {
                return new Step(Outcome.WAITING, 0, rolled);
            }
            long upTo = Math.min(candidate, rolled + config.liabilityBatch());
            add(rolled, upTo);
            em.createNativeQuery("update liability_rollup set rolled_through = ?1 where id = 1")
                    .setParameter(1, upTo).executeUpdate();
            return new Step(Outcome.ROLLED, upTo - rolled, upTo);
        }
        long seen = sequenceValue();
        if (seen <= rolled) {
            return new Step(Outcome.UP_TO_DATE, 0, rolled);
        }
        // a later statement than the sequence's read: every id up to `seen` was taken before this time
        em.createNativeQuery("update liability_rollup set candidate_id = ?1, candidate_at = clock_timestamp() where id = 1")
                .setParameter(1, seen).executeUpdate();
        return new Step(Outcome.NOTED, 0, rolled);
    }

    /**
     * Whether a transaction that started at or before {@code at} and has written something is still open
     * (the first read of pg_stat_activity in a transaction; the range's sum runs in a later statement,
     * whose snapshot sees everything those transactions committed).
     */
    private boolean writersStartedBy(Instant at) {
        Number open = (Number) em.createNativeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and pid <> pg_backend_pid() and backend_type = 'client backend' and backend_xid is not null"
                        + " and xact_start <= ?1")
                .setParameter(1, at).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return open.longValue() > 0;
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
