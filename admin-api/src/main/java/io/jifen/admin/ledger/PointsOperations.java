package io.jifen.admin.ledger;

import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.shared.IdempotentAnswer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.PayloadHash;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.admin.webhook.Outbox;
import io.jifen.admin.shared.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adjustments, debits, transfers, freeze and unfreeze: each one database transaction under the
 * members' row locks, idempotent by its id, recorded with the API key that made it.
 */
@ApplicationScoped
public class PointsOperations {
    @Inject
    Accounts accounts;

    @Inject
    Operations operations;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public IdempotentAnswer adjust(Merchant merchant, String memberId, LedgerModels.AdjustmentRequest r) {
        if (r.points() == 0) {
            throw ProblemException.invalidField("points", "must not be 0");
        }
        Account account = accounts.lockOrNotFound(merchant.id, memberId);
        PayloadHash.Canonical request = PayloadHash.canonical(List.of(memberId, r));
        Optional<String> earlier = operations.earlier(merchant.id, r.adjustmentId(), request.hash());
        if (earlier.isPresent()) {
            return new IdempotentAnswer(earlier.get(), true);
        }
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        Instant now = clock.instant();
        long id = operations.begin(row(merchant, r.adjustmentId(), "ADJUSTMENT", account, request, r.reason(), now));
        List<Accounts.Taken> taken = List.of();
        if (r.points() > 0) {
            checkRoom(policy, account, r.points(), "points");
            LocalDate today = policy.localDate(now);
            accounts.credit(account, id, r.points(), "ADJUST", r.reason(), today, policy.expiresAt(today), now);
        } else {
            account.requireSpendable(-r.points(), "(points)");
            taken = accounts.spend(account, id, -r.points(), "ADJUST", r.reason());
        }
        long before = account.balanceBefore;
        accounts.save(account);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new DomainEvent(DomainEvent.POINTS_ADJUSTED, account.memberId, DomainEvent.data("memberId", memberId,
                "adjustmentId", r.adjustmentId(), "points", r.points(), "balance", account.balance, "reason", r.reason())));
        events.addAll(Thresholds.crossed(policy, account.memberId, memberId, before, account.balance));
        outbox.emit(merchant.id, merchant.code, events);
        return finish(id, new LedgerModels.OperationResult(r.adjustmentId(), "ADJUSTMENT", memberId, r.points(),
                account.balance, account.pending, null, null, views(taken), r.reason()), r.points());
    }

    @Transactional
    public IdempotentAnswer debit(Merchant merchant, String memberId, LedgerModels.DebitRequest r) {
        Account account = accounts.lockOrNotFound(merchant.id, memberId);
        PayloadHash.Canonical request = PayloadHash.canonical(List.of(memberId, r));
        Optional<String> earlier = operations.earlier(merchant.id, r.debitId(), request.hash());
        if (earlier.isPresent()) {
            return new IdempotentAnswer(earlier.get(), true);
        }
        account.requireNotFrozen("spend points");
        account.requireSpendable(r.points(), "(points)");
        Instant now = clock.instant();
        long id = operations.begin(row(merchant, r.debitId(), "DEBIT", account, request, r.reason(), now));
        List<Accounts.Taken> taken = accounts.spend(account, id, r.points(), "DEBIT", r.reason());
        accounts.save(account);
        outbox.emit(merchant.id, merchant.code, List.of(new DomainEvent(DomainEvent.POINTS_REDEEMED, account.memberId,
                DomainEvent.data("memberId", memberId, "debitId", r.debitId(), "points", r.points(), "balance", account.balance,
                        "reason", r.reason()))));
        return finish(id, new LedgerModels.OperationResult(r.debitId(), "DEBIT", memberId, -r.points(), account.balance,
                account.pending, null, null, views(taken), r.reason()), -r.points());
    }

    /**
     * Cancels a debit (the redemption it paid for was cancelled or returned): the points go back to
     * the lots they came from with their original expiry; points whose lot expired meanwhile stay
     * expired. A debit is cancelled once: another cancellation id for it gets 409.
     */
    @Transactional
    public IdempotentAnswer cancelDebit(Merchant merchant, String memberId, String debitId, LedgerModels.DebitCancellation r) {
        Account account = accounts.lockOrNotFound(merchant.id, memberId);
        PayloadHash.Canonical request = PayloadHash.canonical(List.of(memberId, debitId, r));
        Optional<String> earlier = operations.earlier(merchant.id, r.cancellationId(), request.hash());
        if (earlier.isPresent()) {
            return new IdempotentAnswer(earlier.get(), true);
        }
        long debit = operations.find(merchant.id, debitId, "DEBIT", account.memberId)
                .orElseThrow(() -> ProblemException.notFound("debit `" + debitId + "` of member `" + memberId + "`"));
        if (operations.hasFollowUp(debit, "DEBIT_CANCEL")) {
            throw ProblemException.conflict("already-cancelled", "debit `" + debitId + "` has been cancelled already");
        }
        Instant now = clock.instant();
        long id = operations.begin(new Operations.Row(merchant.id, r.cancellationId(), "DEBIT_CANCEL", account.memberId,
                null, debit, null, null, now, request.hash(), request.json(),
                r.reason(), caller.caller().keyId()));
        long before = account.balanceBefore;
        Accounts.Restored restored = accounts.restore(account, id, debit, "RESTORE", r.reason(), now);
        accounts.save(account);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new DomainEvent(DomainEvent.POINTS_RESTORED, account.memberId, DomainEvent.data("memberId", memberId,
                "debitId", debitId, "points", restored.points(), "expiredMeanwhile", restored.expiredMeanwhile(),
                "balance", account.balance)));
        events.addAll(Thresholds.crossed(LedgerPolicy.of(merchant), account.memberId, memberId, before, account.balance));
        outbox.emit(merchant.id, merchant.code, events);
        String body = JsonText.write(json, new LedgerModels.CancellationResult(r.cancellationId(), debitId, memberId,
                restored.points(), restored.expiredMeanwhile(), restored.settledShortfall(), account.balance, r.reason()));
        operations.finish(id, restored.points() - restored.settledShortfall(), 0, body);
        return new IdempotentAnswer(body, false);
    }

    /**
     * Moves points between two members of one merchant. The receiver gets the sender's lots' expiry
     * dates, so a transfer never extends the life of a point.
     */
    @Transactional
    public IdempotentAnswer transfer(Merchant merchant, LedgerModels.TransferRequest r) {
        if (r.fromMemberId().equals(r.toMemberId())) {
            throw ProblemException.invalidField("toMemberId", "must differ from fromMemberId");
        }
        List<Account> locked = accounts.lockInOrder(merchant.id, r.fromMemberId(), r.toMemberId());
        Account from = locked.stream().filter(a -> a.externalId.equals(r.fromMemberId())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member `" + r.fromMemberId() + "`"));
        Account to = locked.stream().filter(a -> a.externalId.equals(r.toMemberId())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member `" + r.toMemberId() + "`"));
        // a retry of an acknowledged transfer gets its result even if the policy changed since
        PayloadHash.Canonical request = PayloadHash.canonical(r);
        Optional<String> earlier = operations.earlier(merchant.id, r.transferId(), request.hash());
        if (earlier.isPresent()) {
            return new IdempotentAnswer(earlier.get(), true);
        }
        LedgerPolicy policy = LedgerPolicy.of(merchant);
        if (!policy.transfersEnabled()) {
            throw ProblemException.conflict("transfers-disabled", "merchant `" + merchant.code
                    + "` does not allow transfers between members (pointsPolicy.transfers.enabled)");
        }
        if (policy.transferMin() != null && r.points() < policy.transferMin()) {
            throw ProblemException.invalidField("points", "must be at least " + policy.transferMin() + " (the merchant's minimum transfer)");
        }
        if (policy.transferMax() != null && r.points() > policy.transferMax()) {
            throw ProblemException.invalidField("points", "must be at most " + policy.transferMax() + " (the merchant's maximum transfer)");
        }
        from.requireNotFrozen("transfer points");
        to.requireNotFrozen("receive a transfer");
        from.requireSpendable(r.points(), "(points)");
        checkRoom(policy, to, r.points(), "points");
        Instant now = clock.instant();
        String reason = r.reason() == null || r.reason().isBlank() ? "transfer" : r.reason();
        long id = operations.begin(new Operations.Row(merchant.id, r.transferId(), "TRANSFER", from.memberId, to.memberId,
                null, null, null, now, request.hash(), request.json(), reason, caller.caller().keyId()));
        List<Accounts.Taken> taken = accounts.spend(from, id, r.points(), "TRANSFER_OUT",
                reason + " (to " + r.toMemberId() + ")");
        // one lot per expiry date given, keeping each point's original expiry
        Map<List<Object>, Long> byExpiry = new LinkedHashMap<>();
        for (Accounts.Taken t : taken) {
            byExpiry.merge(java.util.Arrays.asList(t.earnedOn(), t.expiresAt()), t.points(), Long::sum);
        }
        byExpiry.forEach((key, points) -> accounts.credit(to, id, points, "TRANSFER_IN",
                reason + " (from " + r.fromMemberId() + ")", (LocalDate) key.get(0), (Instant) key.get(1), now));
        long toBefore = to.balanceBefore;
        accounts.save(from);
        accounts.save(to);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new DomainEvent(DomainEvent.POINTS_TRANSFERRED, from.memberId, DomainEvent.data("transferId", r.transferId(),
                "fromMemberId", r.fromMemberId(), "toMemberId", r.toMemberId(), "points", r.points(),
                "fromBalance", from.balance, "toBalance", to.balance)));
        events.addAll(Thresholds.crossed(policy, to.memberId, r.toMemberId(), toBefore, to.balance));
        outbox.emit(merchant.id, merchant.code, events);
        return finish(id, new LedgerModels.OperationResult(r.transferId(), "TRANSFER", r.fromMemberId(), -r.points(),
                from.balance, from.pending, r.toMemberId(), to.balance, views(taken), reason), -r.points());
    }

    /** Freezes a member: it keeps earning (an investigation must not cost it purchases) but cannot spend or transfer. */
    @Transactional
    public void freeze(Merchant merchant, String memberId, String reason, boolean frozen) {
        Account account = accounts.lockOrNotFound(merchant.id, memberId);
        em.createNativeQuery("update member set status = ?2, frozen_reason = ?3, updated_at = now() where id = ?1")
                .setParameter(1, account.memberId).setParameter(2, frozen ? "FROZEN" : "ACTIVE")
                .setParameter(3, frozen ? reason : null).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        audit.record(merchant.id, frozen ? "member.frozen" : "member.unfrozen", "member/" + memberId, reason);
    }

    /** The row of a one-member operation: the request kept as the canonical JSON its hash was taken of. */
    private Operations.Row row(Merchant merchant, String id, String kind, Account account, PayloadHash.Canonical request,
                               String reason, Instant now) {
        return new Operations.Row(merchant.id, id, kind, account.memberId, null, null, null, null, now,
                request.hash(), request.json(), reason, caller.caller().keyId());
    }

    private static void checkRoom(LedgerPolicy policy, Account account, long points, String field) {
        if (policy.accountCap() != null && account.balance + account.pending + points > policy.accountCap()) {
            throw new ProblemException(409, "account-cap", "Account cap reached", "member `" + account.externalId
                    + "` would hold more than the account cap of " + policy.accountCap() + " points (" + field + ")", null);
        }
    }

    private static List<LedgerModels.TakenView> views(List<Accounts.Taken> taken) {
        return taken.isEmpty() ? null : taken.stream()
                .map(t -> new LedgerModels.TakenView(t.lotId(), t.points(), t.expiresAt())).toList();
    }

    private IdempotentAnswer finish(long id, LedgerModels.OperationResult result, long points) {
        String body = JsonText.write(json, result);
        operations.finish(id, points, 0, body);
        return new IdempotentAnswer(body, false);
    }


}
