package io.jifen.admin.ledger;

import io.jifen.admin.webhook.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Expires what remains of the due lots of members whose rows the caller's transaction has locked,
 * in one statement: the lots, one EXPIRE entry per lot (in expiry order, so balance_after chains),
 * the balances, and a {@code points.expired} event per member with its webhook deliveries. Used by
 * the expiry job, and before any spending so that points past their expiry can never be spent
 * while the job has not reached them yet.
 */
@ApplicationScoped
public class Expiry {
    @Inject
    EntityManager em;

    /** {lots expired, points expired} among the given (locked) members. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] expire(List<Long> lockedMemberIds, Instant now) {
        if (lockedMemberIds.isEmpty()) {
            return new long[] {0, 0};
        }
        // the ids were read from the database: numbers, safe to inline
        String ids = lockedMemberIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Object[] done = (Object[]) em.createNativeQuery(SQL.formatted(ids, Outbox.FAN_OUT_PER_MERCHANT.formatted("ev")))
                .setParameter(1, now).setFlushMode(FlushModeType.COMMIT).getSingleResult();
        return new long[] {((Number) done[0]).longValue(), ((Number) done[1]).longValue()};
    }

    private static final String SQL = """
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
                        select count(*), coalesce(sum(remaining), 0) from due""";
}
