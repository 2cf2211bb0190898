package io.jifen.admin.ledger;

import io.jifen.engine.evaluation.Award;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes a posting: the transaction row, one ledger entry per non-zero award and the member's new
 * balance, as ONE statement (data-modifying CTEs), so the write costs one round trip. The member
 * row must be locked by the caller's transaction.
 */
@ApplicationScoped
public class Ledger {
    @Inject
    EntityManager em;

    /** The transaction row of a posting; {@code result} is the response body stored for replays. */
    public record TransactionRow(long merchantId, String externalId, String kind, String eventType, long memberId,
                                 BigDecimal amount, Instant occurredAt, String payloadHash, long ruleVersionId,
                                 long totalPoints, String result) {
    }

    /**
     * Posts the transaction and its awards on top of {@code balanceBefore}; empty when the
     * transaction id was taken meanwhile (then nothing at all was written).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> post(TransactionRow tx, long balanceBefore, List<Award> awards) {
        List<Award> moving = awards.stream().filter(a -> a.points() != 0).toList();
        StringBuilder sql = new StringBuilder("""
                with tx as (
                    insert into loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount,
                        occurred_at, payload_hash, rule_version_id, total_points, result, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())
                    on conflict (merchant_id, external_id) do nothing
                    returning id),
                balance as (
                    update member set balance = ?12, updated_at = now()
                    where id = ?5 and exists (select 1 from tx))
                """);
        if (!moving.isEmpty()) {
            sql.append(", entries as (insert into ledger_entry (merchant_id, member_id, kind, points, balance_after,"
                    + " transaction_id, rule_version_id, rule_name, family, reason, created_at)"
                    + " select ?1, ?5, 'EARN', e.points, e.balance_after, tx.id, ?9, e.rule, e.family, e.reason, now()"
                    + " from tx cross join (values ");
            for (int i = 0; i < moving.size(); i++) {
                int p = 13 + i * 5;
                sql.append(i == 0 ? "" : ", ").append("(cast(?").append(p).append(" as bigint), cast(?").append(p + 1)
                        .append(" as bigint), cast(?").append(p + 2).append(" as varchar), cast(?").append(p + 3)
                        .append(" as varchar), cast(?").append(p + 4).append(" as text))");
            }
            sql.append(") as e(points, balance_after, rule, family, reason))");
        }
        sql.append(" select id from tx");
        long balance = balanceBefore;
        Query statement = em.createNativeQuery(sql.toString())
                .setParameter(1, tx.merchantId()).setParameter(2, tx.externalId()).setParameter(3, tx.kind())
                .setParameter(4, tx.eventType()).setParameter(5, tx.memberId()).setParameter(6, tx.amount())
                .setParameter(7, tx.occurredAt()).setParameter(8, tx.payloadHash()).setParameter(9, tx.ruleVersionId())
                .setParameter(10, tx.totalPoints()).setParameter(11, tx.result())
                .setParameter(12, balanceBefore + tx.totalPoints());
        for (int i = 0; i < moving.size(); i++) {
            Award award = moving.get(i);
            balance += award.points();
            int p = 13 + i * 5;
            statement.setParameter(p, award.points()).setParameter(p + 1, balance)
                    .setParameter(p + 2, award.rule()).setParameter(p + 3, award.family())
                    .setParameter(p + 4, award.reason());
        }
        List<?> ids = statement.setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }
}
