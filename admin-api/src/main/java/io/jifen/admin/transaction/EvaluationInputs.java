package io.jifen.admin.transaction;

import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.MemberEvent;
import io.jifen.engine.facts.Purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Maps API requests and stored members to the engine's facts, and evaluation failures to problems. */
public final class EvaluationInputs {
    private EvaluationInputs() {
    }

    public static EvaluationContext context(Merchant merchant, LoyaltyMember member, MemberActivity activity) {
        ZoneId zone = ZoneId.of(merchant.timeZone);
        Member snapshot = member == null
                ? new Member("(new member)", "", Member.ACTIVE, null, null, Map.of())
                : new Member(member.externalId, member.tier, member.status.name(), member.enrolledOn, member.birthday,
                        member.attributes());
        return new EvaluationContext(zone, new ProgramPolicy(RoundingMode.valueOf(merchant.rounding),
                ProgramPolicy.MultiplierStacking.valueOf(merchant.stacking)), snapshot, activity);
    }

    public static Purchase purchase(Merchant merchant, TransactionModels.PurchaseRequest r) {
        if (r.currency() != null && !r.currency().equals(merchant.currency)) {
            throw ProblemException.invalidField("currency", "must be " + merchant.currency + ", the merchant's currency");
        }
        List<LineItem> lines = r.lines() == null ? List.of() : r.lines().stream().map(l -> {
            int quantity = l.quantity() == null ? 1 : l.quantity();
            BigDecimal amount = l.amount() != null ? l.amount()
                    : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity));
            return new LineItem(l.sku(), l.category(), quantity, l.unitPrice(), amount);
        }).toList();
        return new Purchase(r.transactionId(), r.occurredAt(), ZoneId.of(merchant.timeZone), r.channel(), r.store(),
                r.total(), merchant.currency, lines);
    }

    public static MemberEvent event(Merchant merchant, TransactionModels.EventRequest r) {
        return new MemberEvent(r.transactionId(), r.type(), r.occurredAt(), ZoneId.of(merchant.timeZone), r.attributes());
    }

    /** The outcome, or a problem: refused input → 422 naming the request fields; a failing rule → 422. */
    static EarningOutcome completed(Evaluation<EarningOutcome> evaluation) {
        if (evaluation instanceof Evaluation.Completed<EarningOutcome> completed) {
            return completed.value();
        }
        if (evaluation instanceof Evaluation.Refused<EarningOutcome> refused) {
            List<Problem.FieldError> errors = refused.problems().stream()
                    .map(p -> Problem.FieldError.field(requestField(p.field()), p.message())).toList();
            throw ProblemException.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("invalid input"), errors);
        }
        Evaluation.Failed<EarningOutcome> failed = (Evaluation.Failed<EarningOutcome>) evaluation;
        throw ProblemException.of(ProblemType.RULE_EVALUATION_FAILED,
                failed.kind() + ": " + failed.message() + " (nothing was posted)");
    }

    /** The engine names fields of its facts ("purchase.lines[0].amount"); the API's are one level up. */
    public static String requestField(String engineField) {
        return engineField.replaceFirst("^(purchase|event|item)\\.", "");
    }
}
