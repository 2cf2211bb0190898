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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Writes an earning (a purchase or member event): the transaction row, its lot, one ledger entry per
 * non-zero award, the member's new totals and the domain events with their webhook deliveries, as ONE
 * statement (data-modifying CTEs), so the write costs one round trip. The member row must be locked by the caller's transaction.
 */
@ApplicationScoped
public class Ledger {
    @Inject
    EntityManager em;

    /** The transaction row of a posting; {@code result} is the response body stored for replays. */
    public record TransactionRow(long merchantId, String externalId, String kind, String eventType, long memberId,
                                 BigDecimal amount, Instant occurredAt, String payloadHash, long ruleVersionId,
                                 long totalPoints, String result, String payload, String context) {
    }

    /**
     * The lot the earning creates: {@code remaining} is less than {@code points} when part of them
     * paid a negative balance; {@code released} false holds them pending until {@code availableAt}.
     */
    public record NewLot(long points, long remaining, LocalDate earnedOn, Instant expiresAt, Instant availableAt,
                         boolean released) {
    }

    /** A domain event written with the posting (type and JSON payload), fanned out to the merchant's webhooks. */
    public record OutboxRow(String type, String payload) {
    }

    /**
     * Posts the transaction and its awards on top of the member's {@code balanceBefore} and
     * {@code pendingBefore}; empty when the transaction id was taken meanwhile (then nothing at all
     * was written). Awards go to the pending bucket when the lot is held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> post(TransactionRow tx, long balanceBefore, long pendingBefore, List<Award> awards, NewLot lot,
                               List<OutboxRow> events) {
        List<Award> moving = awards.stream().filter(a -> a.points() != 0).toList();
        boolean held = lot != null && !lot.released();
        StringBuilder sql = new StringBuilder("""
                with tx as (
                    insert into loyalty_transaction (merchant_id, external_id, kind, event_type, member_id, amount,
                        occurred_at, payload_hash, rule_version_id, total_points, result, payload, context, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, now())
                    on conflict (merchant_id, external_id) do nothing
                    returning id),
                balance as (
                    update member set balance = ?14, pending = ?15, updated_at = now()
                    where id = ?5 and exists (select 1 from tx))
                """);
        if (lot != null) {
            sql.append(", lot as (insert into point_lot (merchant_id, member_id, transaction_id, points, remaining,"
                    + " earned_on, expires_at, available_at, released) select ?1, ?5, tx.id, ?16, ?17, ?18,"
                    + " cast(?19 as timestamptz), ?20, ?21 from tx returning id)");
        }
        int first = lot != null ? 22 : 16; // ordinal parameters must not leave gaps
        if (!moving.isEmpty()) {
            sql.append(", entries as (insert into ledger_entry (merchant_id, member_id, kind, bucket, points, balance_after,"
                    + " transaction_id, rule_version_id, rule_name, family, reason, lot_id, created_at)"
                    + " select ?1, ?5, 'EARN', '").append(held ? "PENDING" : "AVAILABLE").append("', e.points,"
                    + " e.balance_after, tx.id, ?9, e.rule, e.family, e.reason, ")
                    .append(lot != null ? "(select id from lot)" : "null").append(", now() from tx cross join (values ");
            for (int i = 0; i < moving.size(); i++) {
                int p = first + i * 5;
                sql.append(i == 0 ? "" : ", ").append("(cast(?").append(p).append(" as bigint), cast(?").append(p + 1)
                        .append(" as bigint), cast(?").append(p + 2).append(" as varchar), cast(?").append(p + 3)
                        .append(" as varchar), cast(?").append(p + 4).append(" as text))");
            }
            sql.append(") as e(points, balance_after, rule, family, reason))");
        }
        int firstEvent = first + moving.size() * 5;
        if (!events.isEmpty()) {
            sql.append(", ev as (insert into outbox_event (merchant_id, type, member_id, payload)"
                    + " select ?1, e.type, ?5, e.payload from tx cross join (values ");
            for (int i = 0; i < events.size(); i++) {
                int p = firstEvent + i * 2;
                sql.append(i == 0 ? "" : ", ").append("(cast(?").append(p).append(" as varchar), cast(?").append(p + 1)
                        .append(" as text))");
            }
            sql.append(") as e(type, payload) returning id, type), deliveries as (")
                    .append(io.jifen.admin.webhook.Outbox.FAN_OUT.formatted("ev")).append(")");
        }
        sql.append(" select id from tx");
        long total = tx.totalPoints();
        Query statement = em.createNativeQuery(sql.toString())
                .setParameter(1, tx.merchantId()).setParameter(2, tx.externalId()).setParameter(3, tx.kind())
                .setParameter(4, tx.eventType()).setParameter(5, tx.memberId()).setParameter(6, tx.amount())
                .setParameter(7, tx.occurredAt()).setParameter(8, tx.payloadHash()).setParameter(9, tx.ruleVersionId())
                .setParameter(10, total).setParameter(11, tx.result()).setParameter(12, tx.payload())
                .setParameter(13, tx.context())
                .setParameter(14, held ? balanceBefore : balanceBefore + total)
                .setParameter(15, held ? pendingBefore + total : pendingBefore);
        if (lot != null) {
            statement.setParameter(16, lot.points()).setParameter(17, lot.remaining()).setParameter(18, lot.earnedOn())
                    .setParameter(19, lot.expiresAt()).setParameter(20, lot.availableAt()).setParameter(21, lot.released());
        }
        long running = held ? pendingBefore : balanceBefore;
        for (int i = 0; i < moving.size(); i++) {
            Award award = moving.get(i);
            running += award.points();
            int p = first + i * 5;
            statement.setParameter(p, award.points()).setParameter(p + 1, running)
                    .setParameter(p + 2, award.rule()).setParameter(p + 3, award.family())
                    .setParameter(p + 4, award.reason());
        }
        for (int i = 0; i < events.size(); i++) {
            statement.setParameter(firstEvent + i * 2, events.get(i).type())
                    .setParameter(firstEvent + i * 2 + 1, events.get(i).payload());
        }
        List<?> ids = statement.setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }
}
