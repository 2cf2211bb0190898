package io.jifen.admin.transaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jifen.admin.campaign.CampaignBudgets;
import io.jifen.admin.ledger.Accounts;
import io.jifen.admin.ledger.Ledger;
import io.jifen.admin.ledger.OperationCommand;
import io.jifen.admin.ledger.Operations;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.shared.IdempotentAnswer;
import io.jifen.admin.shared.JsonText;
import io.jifen.admin.shared.Rows;
import io.jifen.admin.webhook.DomainEvent;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refunds reverse the points attributable to the refunded part of a purchase: the remaining purchase
 * is re-evaluated with the rule version and the context that produced the original award, so a
 * threshold bonus lost through the refund is reversed too. The member keeps
 * min(what the remaining purchase earns, what the purchase was credited); the rest is reversed, from
 * the purchase's own pending points first, then its own lot, then the member's other points (those
 * expiring first). What is still missing follows the merchant's policy: ALLOW_NEGATIVE takes it
 * anyway (the balance goes negative; later earnings pay it back first), TAKE_AVAILABLE records it as
 * the refund's shortfall.
 */
@ApplicationScoped
public class RefundService {
    @Inject
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Operations operations;

    @Inject
    RuleVersions versions;

    @Inject
    Ledger ledger;

    @Inject
    CallerContext caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    CampaignBudgets campaigns;

    private record Original(long id, long memberId, String memberExternalId, String payload,
                            String context, Long ruleVersionId, long points, Instant occurredAt) {
    }

    @Transactional
    public IdempotentAnswer refund(Merchant merchant, RefundModels.RefundRequest r) {
        Original original = original(merchant, r.purchaseId());
        OperationCommand command = OperationCommand.of(merchant, r.refundId(), TransactionKind.REFUND, r,
                caller.caller().keyId());
        return operations.run(command, () -> accounts.lockById(original.memberId()), account -> {
            if (original.payload() == null || original.context() == null || original.ruleVersionId() == null) {
                throw ProblemException.of(ProblemType.REFUND_NOT_REEVALUABLE, "purchase `" + r.purchaseId()
                        + "` was posted before refunds were supported: its request was not kept, so it cannot be re-evaluated");
            }
            TransactionModels.PurchaseRequest purchase = JsonText.read(json, original.payload(),
                    TransactionModels.PurchaseRequest.class);
            List<RefundModels.Refunded> before = new ArrayList<>();
            long decidedBefore = 0;
            for (Tuple row : earlierRefunds(original.id())) {
                before.add(JsonText.read(json, Rows.string(row, "payload"), RefundModels.Refunded.class));
                decidedBefore += -Rows.longValue(row, "total_points") + Rows.longValue(row, "shortfall");
            }
            int scale = Currency.getInstance(merchant.currency).getDefaultFractionDigits();
            RefundModels.Refunded refunded = RefundSplit.split(purchase, before, r, scale);
            List<RefundModels.Refunded> all = new ArrayList<>(before);
            all.add(refunded);
            TransactionModels.PurchaseRequest remaining = RefundSplit.remaining(purchase, all);

            ActiveProgram program = versions.program(original.ruleVersionId());
            EarningOutcome kept = null;
            long keep = 0;
            Map<String, CampaignBudgets.Charged> charged = campaigns.chargedFor(original.id());
            Map<String, Long> keptByCampaign = new HashMap<>();
            if (remaining.total().signum() > 0) {
                kept = EvaluationInputs.completed(program.program().evaluatePurchase(JsonText.read(json,
                        original.context(), StoredContext.class).context(), EvaluationInputs.purchase(merchant, remaining)));
                // what is kept earns from a campaign at most what the campaign is charged for the purchase now
                long cut = 0;
                for (Map.Entry<String, Long> c : kept.awards().stream().filter(a -> a.campaign() != null)
                        .collect(Collectors.groupingBy(Award::campaign, Collectors.summingLong(Award::points))).entrySet()) {
                    CampaignBudgets.Charged now = charged.get(c.getKey());
                    long allowed = Math.min(Math.max(0, c.getValue()), now == null ? 0 : now.points());
                    keptByCampaign.put(c.getKey(), allowed);
                    cut += Math.max(0, c.getValue()) - allowed;
                }
                keep = Math.min(Math.max(0, kept.totalPoints() - cut), original.points());
            }
            long toReverse = Math.max(0, original.points() - keep - decidedBefore);

            Instant now = clock.instant();
            Instant refundedAt = r.occurredAt() == null ? now : r.occurredAt();
            PostingWriter.requireNotFuture(refundedAt, now);
            if (refundedAt.isBefore(original.occurredAt())) {
                throw ProblemException.invalidField("occurredAt", "is before the purchase (" + original.occurredAt() + ")");
            }
            String reason = "refund " + r.refundId() + " of purchase " + r.purchaseId()
                    + (r.reason() == null || r.reason().isBlank() ? "" : ": " + r.reason());
            long id = ledger.open(command.row(original.memberId(), null, original.id(), original.ruleVersionId(),
                    refunded.total().negate(), refundedAt, JsonText.write(json, refunded), reason));
            Accounts.TakenBack back = accounts.takeBack(account, id, original.id(), toReverse, reason,
                    original.ruleVersionId(), LedgerPolicy.of(merchant).shortfall());
            Map<String, Long> budgetBack = new HashMap<>();
            charged.forEach((code, c) -> budgetBack.put(code, c.points() - keptByCampaign.getOrDefault(code, 0L)));
            campaigns.giveBack(charged, budgetBack, original.memberId(), id,
                    LedgerPolicy.of(merchant).localDate(original.occurredAt()));
            List<DomainEvent> events = back.points() > 0 || back.shortfall() > 0
                    ? List.of(new DomainEvent.PointsReversed(original.memberId(), original.memberExternalId(), r.refundId(),
                            r.purchaseId(), back.points(), back.shortfall(), account.balance()))
                    : List.of();
            RefundModels.RefundResult result = new RefundModels.RefundResult(r.refundId(), r.purchaseId(),
                    original.memberExternalId(), program.version().number, refunded.total(), remaining.total(),
                    original.points(), keep, back.points(), back.shortfall(), account.balance(), account.pending(),
                    kept == null ? List.of() : kept.awards().stream().map(TransactionModels.AwardView::of).toList(),
                    r.reason());
            return new Operations.Done(id, result, -back.points(), back.shortfall(), events, List.of(account));
        });
    }

    private Original original(Merchant merchant, String purchaseId) {
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select t.id, t.member_id, m.external_id, t.kind, t.payload, t.context, t.rule_version_id, t.total_points,
                               t.occurred_at
                        from loyalty_transaction t join member m on m.id = t.member_id
                        where t.merchant_id = ?1 and t.external_id = ?2""", Tuple.class)
                .setParameter(1, merchant.id).setParameter(2, purchaseId).setFlushMode(FlushModeType.COMMIT));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("purchase `" + purchaseId + "`");
        }
        Tuple row = rows.get(0);
        TransactionKind kind = Rows.enumValue(row, "kind", TransactionKind.class);
        if (kind != TransactionKind.PURCHASE) {
            throw ProblemException.invalidField("purchaseId", "names a " + kind + ", not a purchase");
        }
        return new Original(Rows.longValue(row, "id"), Rows.longValue(row, "member_id"), Rows.string(row, "external_id"),
                Rows.string(row, "payload"), Rows.string(row, "context"), Rows.nullableLong(row, "rule_version_id"),
                Rows.longValue(row, "total_points"), Rows.instant(row, "occurred_at"));
    }

    /** Earlier refunds of the purchase: what each took off, the points it reversed and its shortfall. */
    private List<Tuple> earlierRefunds(long purchaseId) {
        return Rows.tuples(em.createNativeQuery("select payload, total_points, shortfall from loyalty_transaction"
                        + " where original_id = ?1 and kind = 'REFUND' order by id", Tuple.class)
                .setParameter(1, purchaseId).setFlushMode(FlushModeType.COMMIT));
    }


}
