package io.jifen.admin.ledger;

import io.jifen.admin.member.MemberStatus;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.security.AuditLog;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.webhook.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Ledger ledger;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public IdempotentAnswer adjust(Merchant merchant, String memberId, LedgerModels.AdjustmentRequest r) {
        if (r.points() == 0) {
            throw ProblemException.invalidField("points", "must not be 0");
        }
        OperationCommand command = command(merchant, r.adjustmentId(), TransactionKind.ADJUSTMENT, List.of(memberId, r));
        return operations.run(command, () -> accounts.lockOrNotFound(merchant.id, memberId), account -> {
            LedgerPolicy policy = LedgerPolicy.of(merchant);
            Instant now = clock.instant();
            long id = ledger.open(command.row(account.memberId, now, r.reason()));
            List<Accounts.Taken> taken = List.of();
            if (r.points() > 0) {
                checkRoom(policy, account, r.points(), "points");
                LocalDate today = policy.localDate(now);
                accounts.credit(account, id, r.points(), EntryKind.ADJUST, r.reason(), today, policy.expiresAt(today), now);
            } else {
                account.requireSpendable(-r.points(), "(points)");
                taken = accounts.spend(account, id, -r.points(), EntryKind.ADJUST, r.reason());
            }
            List<DomainEvent> events = new ArrayList<>();
            events.add(new DomainEvent.PointsAdjusted(account.memberId, memberId, r.adjustmentId(), r.points(),
                    account.balance, r.reason()));
            events.addAll(Thresholds.crossed(policy, account));
            return new Operations.Done(id, new LedgerModels.OperationResult(r.adjustmentId(), TransactionKind.ADJUSTMENT.name(), memberId,
                    r.points(), account.balance, account.pending, null, null, views(taken), r.reason()), r.points(), 0,
                    events, List.of(account));
        });
    }

    @Transactional
    public IdempotentAnswer debit(Merchant merchant, String memberId, LedgerModels.DebitRequest r) {
        OperationCommand command = command(merchant, r.debitId(), TransactionKind.DEBIT, List.of(memberId, r));
        return operations.run(command, () -> accounts.lockOrNotFound(merchant.id, memberId), account -> {
            account.requireNotFrozen("spend points");
            account.requireSpendable(r.points(), "(points)");
            long id = ledger.open(command.row(account.memberId, clock.instant(), r.reason()));
            List<Accounts.Taken> taken = accounts.spend(account, id, r.points(), EntryKind.DEBIT, r.reason());
            return new Operations.Done(id, new LedgerModels.OperationResult(r.debitId(), TransactionKind.DEBIT.name(), memberId, -r.points(),
                    account.balance, account.pending, null, null, views(taken), r.reason()), -r.points(), 0,
                    List.of(new DomainEvent.PointsDebited(account.memberId, memberId, r.debitId(), r.points(),
                            account.balance, r.reason())), List.of(account));
        });
    }

    /**
     * Cancels a debit (the redemption it paid for was cancelled or returned): the points go back to
     * the lots they came from with their original expiry; points whose lot expired meanwhile stay
     * expired. A debit is cancelled once: another cancellation id for it gets 409.
     */
    @Transactional
    public IdempotentAnswer cancelDebit(Merchant merchant, String memberId, String debitId, LedgerModels.DebitCancellation r) {
        OperationCommand command = command(merchant, r.cancellationId(), TransactionKind.DEBIT_CANCEL,
                List.of(memberId, debitId, r));
        return operations.run(command, () -> accounts.lockOrNotFound(merchant.id, memberId), account -> {
            long debit = operations.find(merchant.id, debitId, TransactionKind.DEBIT, account.memberId)
                    .orElseThrow(() -> ProblemException.notFound("debit `" + debitId + "` of member `" + memberId + "`"));
            if (operations.hasFollowUp(debit, TransactionKind.DEBIT_CANCEL)) {
                throw ProblemException.of(ProblemType.ALREADY_CANCELLED, "debit `" + debitId + "` has been cancelled already");
            }
            Instant now = clock.instant();
            long id = ledger.open(command.row(account.memberId, null, debit, null, null, now, command.request().json(),
                    r.reason()));
            Accounts.Restored restored = accounts.restore(account, id, debit, EntryKind.RESTORE, r.reason(), now);
            List<DomainEvent> events = new ArrayList<>();
            events.add(new DomainEvent.DebitRestored(account.memberId, memberId, debitId, restored.points(),
                    restored.expiredMeanwhile(), account.balance));
            events.addAll(Thresholds.crossed(LedgerPolicy.of(merchant), account));
            return new Operations.Done(id, new LedgerModels.CancellationResult(r.cancellationId(), debitId, memberId,
                    restored.points(), restored.expiredMeanwhile(), restored.settledShortfall(), account.balance,
                    r.reason()), restored.points() - restored.settledShortfall(), 0, events, List.of(account));
        });
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
        // a retry of an acknowledged transfer gets its result even if the policy changed since
        OperationCommand command = command(merchant, r.transferId(), TransactionKind.TRANSFER, r);
        return operations.run(command, () -> accounts.lockInOrder(merchant.id, r.fromMemberId(), r.toMemberId()), locked -> {
            Account from = member(locked, r.fromMemberId());
            Account to = member(locked, r.toMemberId());
            LedgerPolicy policy = LedgerPolicy.of(merchant);
            if (!policy.transfersEnabled()) {
                throw ProblemException.of(ProblemType.TRANSFERS_DISABLED, "merchant `" + merchant.code
                        + "` does not allow transfers between members (pointsPolicy.transfers.enabled)");
            }
            if (policy.transferMin() != null && r.points() < policy.transferMin()) {
                throw ProblemException.invalidField("points", "must be at least " + policy.transferMin()
                        + " (the merchant's minimum transfer)");
            }
            if (policy.transferMax() != null && r.points() > policy.transferMax()) {
                throw ProblemException.invalidField("points", "must be at most " + policy.transferMax()
                        + " (the merchant's maximum transfer)");
            }
            from.requireNotFrozen("transfer points");
            to.requireNotFrozen("receive a transfer");
            from.requireSpendable(r.points(), "(points)");
            checkRoom(policy, to, r.points(), "points");
            Instant now = clock.instant();
            String reason = r.reason() == null || r.reason().isBlank() ? "transfer" : r.reason();
            long id = ledger.open(command.row(from.memberId, to.memberId, null, null, null, now, command.request().json(),
                    reason));
            List<Accounts.Taken> taken = accounts.spend(from, id, r.points(), EntryKind.TRANSFER_OUT,
                    reason + " (to " + r.toMemberId() + ")");
            // one lot per expiry date given, keeping each point's original expiry
            Map<List<Object>, Long> byExpiry = new LinkedHashMap<>();
            for (Accounts.Taken t : taken) {
                byExpiry.merge(Arrays.asList(t.earnedOn(), t.expiresAt()), t.points(), Long::sum);
            }
            byExpiry.forEach((key, points) -> accounts.credit(to, id, points, EntryKind.TRANSFER_IN,
                    reason + " (from " + r.fromMemberId() + ")", (LocalDate) key.get(0), (Instant) key.get(1), now));
            List<DomainEvent> events = new ArrayList<>();
            events.add(new DomainEvent.PointsTransferred(from.memberId, r.transferId(), r.fromMemberId(), r.toMemberId(),
                    r.points(), from.balance, to.balance));
            events.addAll(Thresholds.crossed(policy, to));
            return new Operations.Done(id, new LedgerModels.OperationResult(r.transferId(), TransactionKind.TRANSFER.name(), r.fromMemberId(),
                    -r.points(), from.balance, from.pending, r.toMemberId(), to.balance, views(taken), reason),
                    -r.points(), 0, events, List.of(from, to));
        });
    }

    private static Account member(List<Account> locked, String externalId) {
        return locked.stream().filter(a -> a.externalId.equals(externalId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("member `" + externalId + "`"));
    }

    /** Freezes a member: it keeps earning (an investigation must not cost it purchases) but cannot spend or transfer. */
    @Transactional
    public void freeze(Merchant merchant, String memberId, String reason, boolean frozen) {
        Account account = accounts.lockOrNotFound(merchant.id, memberId);
        em.createNativeQuery("update member set status = ?2, frozen_reason = ?3, updated_at = now() where id = ?1")
                .setParameter(1, account.memberId).setParameter(2, (frozen ? MemberStatus.FROZEN : MemberStatus.ACTIVE).name())
                .setParameter(3, frozen ? reason : null).setFlushMode(FlushModeType.COMMIT).executeUpdate();
        audit.record(merchant.id, frozen ? "member.frozen" : "member.unfrozen", "member/" + memberId, reason);
    }

    private OperationCommand command(Merchant merchant, String id, TransactionKind kind, Object request) {
        return OperationCommand.of(merchant, id, kind, request, caller.caller().keyId());
    }

    private static void checkRoom(LedgerPolicy policy, Account account, long points, String field) {
        if (policy.accountCap() != null && account.balance + account.pending + points > policy.accountCap()) {
            throw ProblemException.of(ProblemType.ACCOUNT_CAP, "member `" + account.externalId
                    + "` would hold more than the account cap of " + policy.accountCap() + " points (" + field + ")", null);
        }
    }

    private static List<LedgerModels.TakenView> views(List<Accounts.Taken> taken) {
        return taken.isEmpty() ? null : taken.stream()
                .map(t -> new LedgerModels.TakenView(t.lotId(), t.points(), t.expiresAt())).toList();
    }
}
