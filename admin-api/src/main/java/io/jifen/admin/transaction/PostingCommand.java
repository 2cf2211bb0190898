package io.jifen.admin.transaction;

import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.member.MemberService;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.PayloadHash;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A purchase or member event to post: who, what, when, the request in canonical JSON (hashed for
 * idempotency, kept so refunds and simulations re-evaluate it) and how the rules evaluate it.
 */
public record PostingCommand(Merchant merchant, String transactionId, String memberId, TransactionKind kind,
                             String eventType, BigDecimal amount, Instant occurredAt, PayloadHash.Canonical request,
                             Evaluator evaluator) {

    /** Evaluates the posting on a program with the member's context. */
    @FunctionalInterface
    public interface Evaluator {
        Evaluation<EarningOutcome> evaluate(CompiledProgram program, EvaluationContext context);
    }

    static PostingCommand of(Merchant merchant, TransactionModels.PurchaseRequest r) {
        return new PostingCommand(merchant, r.transactionId(), r.memberId(), TransactionKind.PURCHASE, null, r.total(),
                r.occurredAt(), PayloadHash.canonical(r),
                (program, context) -> program.evaluatePurchase(context, EvaluationInputs.purchase(merchant, r)));
    }

    static PostingCommand of(Merchant merchant, TransactionModels.EventRequest r) {
        return new PostingCommand(merchant, r.transactionId(), r.memberId(), TransactionKind.EVENT, r.type(), null,
                r.occurredAt(), PayloadHash.canonical(r),
                (program, context) -> program.evaluateEvent(context, EvaluationInputs.event(merchant, r)));
    }

    /** The member, for the batch's lane and lock. */
    MemberService.Key member() {
        return new MemberService.Key(merchant.id, memberId);
    }
}
