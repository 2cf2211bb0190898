package io.jifen.admin.transaction;

import io.jifen.admin.campaign.CampaignBudgets;
import io.jifen.admin.campaign.CampaignGate;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.merchant.LedgerPolicy;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Evaluates a purchase or event on any version, drafts included, and writes nothing. */
@ApplicationScoped
public class DryRunService {
    @Inject
    RuleVersions versions;

    @Inject
    MemberActivityQuery activities;

    @Inject
    CampaignBudgets campaigns;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TransactionModels.TransactionResult purchase(Merchant merchant, TransactionModels.PurchaseRequest r, Integer version) {
        return evaluate(merchant, version, TransactionKind.PURCHASE.name(), r.transactionId(), r.memberId(), r.occurredAt(),
                (program, context) -> program.evaluatePurchase(context, EvaluationInputs.purchase(merchant, r)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TransactionModels.TransactionResult event(Merchant merchant, TransactionModels.EventRequest r, Integer version) {
        return evaluate(merchant, version, TransactionKind.EVENT.name(), r.transactionId(), r.memberId(), r.occurredAt(),
                (program, context) -> program.evaluateEvent(context, EvaluationInputs.event(merchant, r)));
    }

    private TransactionModels.TransactionResult evaluate(Merchant merchant, Integer version, String kind,
            String transactionId, String memberId, Instant occurredAt,
            BiFunction<CompiledProgram, EvaluationContext, Evaluation<EarningOutcome>> evaluation) {
        ActiveProgram program = program(merchant, version);
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId).orElse(null);
        EvaluationContext context = EvaluationInputs.context(merchant, member, activity(merchant, member, occurredAt));
        EarningOutcome outcome = EvaluationInputs.completed(evaluation.apply(program.program(), context));
        // campaigns have their say as they would on posting (window, audience, what budgets have left), unspent
        List<String> codes = CampaignGate.campaignsOf(outcome.awards());
        CampaignGate.Gated gated = CampaignGate.apply(outcome.awards(), outcome.totalPoints(), codes.isEmpty() ? Map.of()
                : campaigns.preview(merchant.id, ZoneId.of(merchant.timeZone), new CampaignBudgets.Participant(
                        member == null ? 0 : member.id, memberId, member == null ? null : member.tier,
                        member == null ? null : member.enrolledOn, context.member().getAttributes()), codes, occurredAt,
                        LedgerPolicy.of(merchant).localDate(occurredAt)).terms());
        return Results.dryRun(transactionId, kind, memberId, occurredAt, program.version().number, outcome, gated);
    }

    private ActiveProgram program(Merchant merchant, Integer version) {
        return version == null ? versions.requireActive(merchant) : versions.version(merchant, version);
    }

    private MemberActivity activity(Merchant merchant, LoyaltyMember member, Instant at) {
        return member == null ? MemberActivity.none() : activities.before(member.id, at, ZoneId.of(merchant.timeZone));
    }
}
