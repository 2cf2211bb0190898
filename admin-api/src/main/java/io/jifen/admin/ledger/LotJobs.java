package io.jifen.admin.ledger;

import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
    Outbox outbox;

    @Inject
    LedgerConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** What one run did. */
    public record Run(long lots, long points, int batches) {
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
    private Run inBatches(String counter, java.util.function.Supplier<long[]> batch) {
        long lots = 0;
        long points = 0;
        int batches = 0;
        while (true) {
            long[] done = QuarkusTransaction.requiringNew().call(batch::get);
            if (done[0] == 0) {
                break;
            }
            lots += done[1];
            points += done[2];
            batches++;
        }
        metrics.counter(counter).increment(lots);
        return new Run(lots, points, batches);
    }

    /** {members locked, lots expired, points expired}. */
    private long[] expireBatch(Instant now) {
        List<Long> members = lockMembers("released and remaining > 0 and expires_at <= ?1", now);
        if (members.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        Object[] done = (Object[]) em.createNativeQuery("""
                        with due as (
                            select l.id, l.member_id, l.merchant_id, l.remaining, l.earned_on, l.expires_at,
                                   m.balance - sum(l.remaining) over (partition by l.member_id order by l.expires_at, l.id)
                                       as balance_after
                            from point_lot l join member m on m.id = l.member_id
                            where l.member_id in (%s) and l.released and l.remaining > 0 and l.expires_at <= ?1),
                        lots as (
                            update point_lot l set expired = l.expired + d.remaining, remaining = 0
                            from due d where l.id = d.id),
                        totals as (
                            select member_id, merchant_id, sum(remaining) as points, min(balance_after) as balance
                            from due group by member_id, merchant_id),
                        balances as (
                            update member m set balance = t.balance, updated_at = now()
                            from totals t where m.id = t.member_id),
                        entries as (
                            insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after, lot_id,
                                                      reason, created_at)
                            select merchant_id, member_id, 'EXPIRE', 'AVAILABLE', -remaining, balance_after, id,
                                   remaining || ' points earned on ' || earned_on || ' expired', now()
                            from due order by member_id, expires_at, id),
                        ev as (
                            insert into outbox_event (merchant_id, type, member_id, payload)
                            select t.merchant_id, 'points.expired', t.member_id,
                                   json_build_object('type', 'points.expired', 'merchant', mc.code,
                                                     'memberId', m.external_id, 'points', t.points,
                                                     'balance', t.balance)::text
                            from totals t join member m on m.id = t.member_id join merchant mc on mc.id = t.merchant_id
                            returning id, type, merchant_id),
                        deliveries as (%s)
                        select count(*), coalesce(sum(remaining), 0) from due"""
                        .formatted(ids(members), Outbox.FAN_OUT_PER_MERCHANT.formatted("ev")))
                .setParameter(1, now).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return new long[] {members.size(), ((Number) done[0]).longValue(), ((Number) done[1]).longValue()};
    }

    private long[] releaseBatch(Instant now) {
        List<Long> members = lockMembers("not released and available_at <= ?1", now);
        long lots = 0;
        long points = 0;
        for (long memberId : members) {
            Account account = accounts.lockById(memberId); // already ours: this reads its totals
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("""
                            select l.id, l.remaining, t.external_id, l.merchant_id, mc.code
                            from point_lot l join loyalty_transaction t on t.id = l.transaction_id
                            join merchant mc on mc.id = l.merchant_id
                            where l.member_id = ?1 and not l.released and l.available_at <= ?2
                            order by l.available_at, l.id""")
                    .setParameter(1, memberId).setParameter(2, now).setFlushMode(FlushModeType.COMMIT).getResultList();
            long before = account.balance();
            for (Object[] lot : due) {
                long lotId = ((Number) lot[0]).longValue();
                long held = ((Number) lot[1]).longValue();
                String reason = held + " points of " + lot[2] + " released after the return window";
                long debt = Math.max(0, -account.balance());
                account.add("RELEASE", true, -held, null, null, null, null, reason, lotId);
                account.add("RELEASE", false, held, null, null, null, null, reason, lotId);
                em.createNativeQuery("update point_lot set released = true, remaining = ?2 where id = ?1")
                        .setParameter(1, lotId).setParameter(2, held - Math.min(held, debt))
                        .setFlushMode(FlushModeType.COMMIT).executeUpdate();
                lots++;
                points += held;
            }
            accounts.save(account);
            if (!due.isEmpty()) {
                long merchantId = ((Number) due.get(0)[3]).longValue();
                LedgerPolicy policy = LedgerPolicy.of(io.jifen.admin.merchant.Merchant.findById(merchantId));
                List<DomainEvent> events = new ArrayList<>(Thresholds.crossed(policy, memberId, account.externalId(),
                        before, account.balance()));
                outbox.emit(merchantId, (String) due.get(0)[4], events);
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

    /** Member ids read from the database, as an SQL list. */
    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
