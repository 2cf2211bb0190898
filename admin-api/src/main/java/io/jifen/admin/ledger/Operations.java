package io.jifen.admin.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.webhook.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one idempotent-operation template every idempotent write goes through (postings, adjustments,
 * debits and their cancellations, transfers, refunds, redemptions and their cancellations):
 * lock → the earlier answer under the lock (the same id and payload replays it, another payload is a
 * 409) → the write. Operations by id are unique per merchant across all kinds, so every ledger entry
 * names its cause.
 *
 * <p>A refusal passes through without dooming the caller's transaction: a posting refused inside a
 * batch must not roll back the batch's other postings (the caller's own @Transactional rolls back a
 * lone operation that is refused).
 */
@ApplicationScoped
public class Operations {
    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    @Inject
    ObjectMapper json;

    /** What an operation left for its retries: the hash of its payload and the answer it gave. */
    public record Stored(String payloadHash, String result) {
    }

    /** What the write did: answered now, or found its id taken by a concurrent write (then its answer is replayed). */
    public sealed interface Written {
        record Answered(String body) implements Written {
        }

        record IdTaken() implements Written {
        }
    }

    /**
     * The template. {@code lock} takes the row locks (and may read under them); {@code earlier} finds an
     * earlier answer with this id under those locks, so a concurrent duplicate waited and now sees the
     * committed original; {@code write} does the work.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public <L> IdempotentAnswer run(OperationCommand command, Supplier<L> lock, Function<L, Optional<Stored>> earlier,
                                    Function<L, Written> write) {
        L locked = lock.get();
        Optional<Stored> before = earlier.apply(locked);
        if (before.isPresent()) {
            return replay(command, before.get());
        }
        if (write.apply(locked) instanceof Written.Answered answered) {
            return new IdempotentAnswer(answered.body(), false);
        }
        return replay(command, stored(command).orElseThrow());
    }

    /**
     * What a ledger operation did, for {@link #run(OperationCommand, Supplier, Function)} to write: its row
     * (opened with {@link Ledger#open}), the result answered and stored for replays, its net points and
     * shortfall, the events, and the accounts it changed.
     */
    public record Done(long transactionId, Object result, long totalPoints, long shortfall, List<DomainEvent> events,
                       List<Account> accounts) {
    }

    /** The template for ledger operations: earlier answers by id, and the work's changes written in one statement. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public <L> IdempotentAnswer run(OperationCommand command, Supplier<L> lock, Function<L, Done> work) {
        return run(command, lock, locked -> stored(command), locked -> {
            Done done = work.apply(locked);
            String body = JsonText.write(json, done.result());
            ledger.commit(new Ledger.Outcome(done.transactionId(), done.totalPoints(), done.shortfall(), body),
                    command.merchant().id, command.merchant().code, done.events(), done.accounts());
            return new Written.Answered(body);
        });
    }

    private static IdempotentAnswer replay(OperationCommand command, Stored stored) {
        requireSamePayload(command.operationId(), stored.payloadHash(), command.request().hash());
        return new IdempotentAnswer(stored.result(), true);
    }

    /** The stored hash and answer of the operation with the command's id, if there is one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> stored(OperationCommand command) {
        return Rows.tuples(em.createNativeQuery("select payload_hash, result from loyalty_transaction"
                        + " where merchant_id = ?1 and external_id = ?2", Tuple.class)
                .setParameter(1, command.merchant().id).setParameter(2, command.operationId())
                .setFlushMode(FlushModeType.COMMIT)).stream().findFirst()
                .map(r -> new Stored(Rows.string(r, "payload_hash"), Rows.string(r, "result")));
    }

    /** 409 when an id already stored with {@code storedHash} comes again with another payload. */
    public static void requireSamePayload(String externalId, String storedHash, String payloadHash) {
        if (!payloadHash.equals(storedHash)) {
            throw ProblemException.of(ProblemType.TRANSACTION_ID_REUSED, "`" + externalId
                    + "` was already used for another operation or payload; use a new id");
        }
    }

    /** The row id of the member's operation of this kind with this external id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> find(long merchantId, String externalId, TransactionKind kind, long memberId) {
        List<?> ids = em.createNativeQuery("select id from loyalty_transaction where merchant_id = ?1 and external_id = ?2"
                        + " and kind = ?3 and member_id = ?4")
                .setParameter(1, merchantId).setParameter(2, externalId).setParameter(3, kind.name())
                .setParameter(4, memberId).setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    /** Whether an operation of this kind already refers to the given one (a cancellation of a debit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasFollowUp(long originalId, TransactionKind kind) {
        return !em.createNativeQuery("select 1 from loyalty_transaction where original_id = ?1 and kind = ?2")
                .setParameter(1, originalId).setParameter(2, kind.name()).setFlushMode(FlushModeType.COMMIT)
                .getResultList().isEmpty();
    }
}
