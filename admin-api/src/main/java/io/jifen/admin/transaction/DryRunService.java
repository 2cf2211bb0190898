package io.jifen.admin.transaction;

import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.member.MemberActivityQuery;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.facts.MemberActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.ZoneId;

/** Evaluates a purchase or event on any version, drafts included, and writes nothing. */
@ApplicationScoped
public class DryRunService {
    @Inject
    RuleVersions versions;

    @Inject
    MemberActivityQuery activities;

    @Transactional(Transactional.TxType.SUPPORTS)
    public TransactionModels.TransactionResult purchase(Merchant merchant, TransactionModels.PurchaseRequest r, Integer version) {
        ActiveProgram program = program(merchant, version);
        LoyaltyMember member = LoyaltyMember.of(merchant.id, r.memberId()).orElse(null);
        EarningOutcome outcome = EvaluationInputs.completed(program.program().evaluatePurchase(
                EvaluationInputs.context(merchant, member, activity(merchant, member, r.occurredAt())),
                EvaluationInputs.purchase(merchant, r)));
        return Results.of(r.transactionId(), "PURCHASE", r.memberId(), r.occurredAt(), program.version().number,
                outcome, null, false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TransactionModels.TransactionResult event(Merchant merchant, TransactionModels.EventRequest r, Integer version) {
        ActiveProgram program = program(merchant, version);
        LoyaltyMember member = LoyaltyMember.of(merchant.id, r.memberId()).orElse(null);
        EarningOutcome outcome = EvaluationInputs.completed(program.program().evaluateEvent(
                EvaluationInputs.context(merchant, member, activity(merchant, member, r.occurredAt())),
                EvaluationInputs.event(merchant, r)));
        return Results.of(r.transactionId(), "EVENT", r.memberId(), r.occurredAt(), program.version().number,
                outcome, null, false);
    }

    private ActiveProgram program(Merchant merchant, Integer version) {
        return version == null ? versions.requireActive(merchant) : versions.version(merchant, version);
    }

    private MemberActivity activity(Merchant merchant, LoyaltyMember member, java.time.Instant at) {
        return member == null ? MemberActivity.none() : activities.before(member.id, at, ZoneId.of(merchant.timeZone));
    }
}
