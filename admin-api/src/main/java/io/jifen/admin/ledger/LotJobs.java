package io.jifen.admin.ledger;

import io.jifen.admin.config.LedgerConfig;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.Rows;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.function.Supplier;

/**
 * Expires lots past their expiry and releases pending lots past their return window, in batches.
 * Each batch is one database transaction that first locks the members it will touch with
 * {@code FOR UPDATE SKIP LOCKED} (so several instances split the work and never do a lot twice, and a
 * member busy with a posting is simply taken next time), then, in a fresh snapshot, changes their lots.
 * Both are idempotent: a lot expires once (its remaining becomes 0) and is released once.
 */
@ApplicationScoped
public class LotJobs {
    @Inject
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Ledger ledger;

    @Inject
    LedgerConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** What one run did. */
    public record Run(long members, long lots, long points, int batches) {
    }

    @Scheduled(identity = "ledger-lots", every = "${jifen.ledger.jobs-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Instant now = clock.instant();
            Run released = releaseDue(now);
            Run expired = expireDue(now);
            if (released.lots() + expired.lots() > 0) {
                Log.infof("ledger jobs: released %d lots (%d points), expired %d lots (%d points)", released.lots(),
                        released.points(), expired.lots(), expired.points());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "ledger jobs: run failed, retrying at the next one");
        }
    }

    /** Expires every lot due at {@code now}, batch after batch, until none is left that no one else holds. */
    public Run expireDue(Instant now) {
        return inBatches("jifen.lots.expired", () -> expireBatch(now));
    }

    /** Releases every pending lot whose return window has passed at {@code now}. */
    public Run releaseDue(Instant now) {
        return inBatches("jifen.lots.released", () -> releaseBatch(now));
    }

    /** Runs batches, each in its own transaction, until one locks no member; each returns {members, lots, points}. */
    private Run inBatches(String counter, Supplier<long[]> batch) {
        long members = 0;
        long lots = 0;
        long points = 0;
        int batches = 0;
        while (true) {
            long[] done = QuarkusTransaction.requiringNew().call(batch::get);
            if (done[0] == 0) {
                break;
            }
            members += done[0];
            lots += done[1];
            points += done[2];
            batches++;
        }
        metrics.counter(counter).increment(lots);
        return new Run(members, lots, points, batches);
    }

    /** {members locked, lots expired, points expired}. */
    private long[] expireBatch(Instant now) {
        List<Long> members = lockMembers("released and remaining > 0 and expires_at <= ?1", now);
        if (members.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        List<Ledger.Expired> expired = ledger.expire(members, now);
        return new long[] {members.size(), expired.stream().mapToLong(Ledger.Expired::lots).sum(),
                expired.stream().mapToLong(Ledger.Expired::points).sum()};
    }

    private long[] releaseBatch(Instant now) {
        List<Long> members = lockMembers("not released and available_at <= ?1", now);
        long lots = 0;
        long points = 0;
        for (long memberId : members) {
            Account account = accounts.lockById(memberId); // already ours: this reads its totals
            List<Tuple> due = Rows.tuples(em.createNativeQuery("""
                            select l.id, l.remaining, t.external_id, l.merchant_id, mc.code
                            from point_lot l join loyalty_transaction t on t.id = l.transaction_id
                            join merchant mc on mc.id = l.merchant_id
                            where l.member_id = ?1 and not l.released and l.available_at <= ?2
                            order by l.available_at, l.id""", Tuple.class)
                    .setParameter(1, memberId).setParameter(2, now).setFlushMode(FlushModeType.COMMIT));
            for (Tuple lot : due) {
                long lotId = Rows.longValue(lot, "id");
                long held = Rows.longValue(lot, "remaining");
                String reason = held + " points of " + Rows.string(lot, "external_id") + " released after the return window";
                long remaining = held - account.debtPaidBy(held);
                if (held > 0) { // a lot whose pending points were all refunded is released without entries
                    Account.Cause cause = Account.Cause.of(null, reason).onLot(lotId);
                    account.add(EntryKind.RELEASE, Bucket.PENDING, -held, cause);
                    account.add(EntryKind.RELEASE, Bucket.AVAILABLE, held, cause);
                }
                ledger.releaseLot(lotId, remaining);
                lots++;
                points += held;
            }
            if (!due.isEmpty()) {
                long merchantId = Rows.longValue(due.get(0), "merchant_id");
                LedgerPolicy policy = LedgerPolicy.of(Merchant.findById(merchantId));
                ledger.commit(null, merchantId, Rows.string(due.get(0), "code"), Thresholds.crossed(policy, account),
                        List.of(account));
            }
        }
        return new long[] {members.size(), lots, points};
    }

    /** Locks the members owning a batch of matching lots, skipping those another transaction holds. */
    @SuppressWarnings("unchecked")
    private List<Long> lockMembers(String lotCondition, Instant now) {
        List<Number> ids = em.createNativeQuery("select id from member where id in (select member_id from point_lot"
                        + " where " + lotCondition + " limit ?2) order by id for update skip locked")
                .setParameter(1, now).setParameter(2, config.batchSize()).setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

}
