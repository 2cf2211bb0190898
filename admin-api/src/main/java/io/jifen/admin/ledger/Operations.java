package io.jifen.admin.ledger;

import io.jifen.admin.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transaction rows of operations that are not earnings (refunds, adjustments, debits, transfers):
 * idempotent by (merchant, external id) exactly like purchases — the same id and payload replays the
 * stored result, the same id with another payload is a 409 — so every ledger entry names its cause.
 */
@ApplicationScoped
public class Operations {
    @Inject
    EntityManager em;

    /** An operation to record. {@code originalId}: the purchase a refund refers to; {@code counterpartyId}: a transfer's receiver. */
    public record Row(long merchantId, String externalId, String kind, long memberId, Long counterpartyId,
                      Long originalId, Long ruleVersionId, BigDecimal amount, Instant occurredAt, String payloadHash,
                      String payload, String reason, String actorKeyId) {
    }

    /**
     * The stored result of an earlier operation with this id, when it had the same payload; 409 when
     * it had another. Call it under the member's lock, so a concurrent duplicate sees the original.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> earlier(long merchantId, String externalId, String payloadHash) {
        return stored(merchantId, externalId).map(s -> {
            requireSamePayload(externalId, s.payloadHash(), payloadHash);
            return s.result();
        });
    }

    /** What an operation left for its retries: the hash of its payload and the answer it gave. */
    public record Stored(String payloadHash, String result) {
    }

    /** The stored hash and answer of the operation with this id, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> stored(long merchantId, String externalId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select payload_hash, result from loyalty_transaction"
                        + " where merchant_id = ?1 and external_id = ?2")
                .setParameter(1, merchantId).setParameter(2, externalId).setFlushMode(FlushModeType.COMMIT).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (String) r[1]));
    }

    /** 409 when an id already stored with {@code storedHash} comes again with another payload. */
    public static void requireSamePayload(String externalId, String storedHash, String payloadHash) {
        if (!payloadHash.equals(storedHash)) {
            throw ProblemException.conflict("transaction-id-reused", "`" + externalId
                    + "` was already used for another operation or payload; use a new id");
        }
    }

    /** Inserts the row (its result is filled in by {@link #finish}); 409 when the id was taken meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long begin(Row r) {
        List<?> ids = em.createNativeQuery("""
                        insert into loyalty_transaction (merchant_id, external_id, kind, member_id, counterparty_id,
                            original_id, rule_version_id, amount, occurred_at, payload_hash, payload, reason, actor_key_id,
                            total_points, result, created_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as bigint), cast(?6 as bigint), cast(?7 as bigint),
                                cast(?8 as numeric), ?9, ?10, ?11, ?12, ?13, 0, '', now())
                        on conflict (merchant_id, external_id) do nothing returning id""")
                .setParameter(1, r.merchantId()).setParameter(2, r.externalId()).setParameter(3, r.kind())
                .setParameter(4, r.memberId()).setParameter(5, r.counterpartyId()).setParameter(6, r.originalId())
                .setParameter(7, r.ruleVersionId()).setParameter(8, r.amount()).setParameter(9, r.occurredAt())
                .setParameter(10, r.payloadHash()).setParameter(11, r.payload()).setParameter(12, r.reason())
                .setParameter(13, r.actorKeyId()).setFlushMode(FlushModeType.COMMIT).getResultList();
        if (ids.isEmpty()) {
            // taken by a concurrent operation on another member (same id): the caller's transaction rolls back
            throw ProblemException.conflict("transaction-id-reused", "`" + r.externalId() + "` is already in use");
        }
        return ((Number) ids.get(0)).longValue();
    }

    /** The row id of the member's operation of this kind with this external id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> find(long merchantId, String externalId, String kind, long memberId) {
        List<?> ids = em.createNativeQuery("select id from loyalty_transaction where merchant_id = ?1 and external_id = ?2"
                        + " and kind = ?3 and member_id = ?4")
                .setParameter(1, merchantId).setParameter(2, externalId).setParameter(3, kind).setParameter(4, memberId)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /** Whether an operation of this kind already refers to the given one (a cancellation of a debit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasFollowUp(long originalId, String kind) {
        return !em.createNativeQuery("select 1 from loyalty_transaction where original_id = ?1 and kind = ?2")
                .setParameter(1, originalId).setParameter(2, kind).setFlushMode(FlushModeType.COMMIT)
                .getResultList().isEmpty();
    }

    /** Stores the operation's outcome: its net points, any shortfall, and the body replays return. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(long transactionId, long totalPoints, long shortfall, String result) {
        em.createNativeQuery("update loyalty_transaction set total_points = ?2, shortfall = ?3, result = ?4 where id = ?1")
                .setParameter(1, transactionId).setParameter(2, totalPoints).setParameter(3, shortfall)
                .setParameter(4, result).setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
