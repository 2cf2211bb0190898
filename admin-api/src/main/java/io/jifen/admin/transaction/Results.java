package io.jifen.admin.transaction;

import io.jifen.admin.campaign.CampaignGate;
import io.jifen.admin.ledger.EarningPlan;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;

import java.time.Instant;
import java.util.List;

/** Builds the API view of an evaluation outcome. */
final class Results {
    private Results() {
    }

    /**
     * A dry run: what the rules decide once campaigns have had their say (window, audience, what budgets have
     * left, nothing spent), before the ledger's policy (caps, pending) is applied.
     */
    static TransactionModels.TransactionResult dryRun(String transactionId, String kind, String memberId, Instant occurredAt,
                                                      int ruleVersion, EarningOutcome outcome, CampaignGate.Gated gated) {
        return of(transactionId, kind, memberId, occurredAt, ruleVersion, outcome, gated.awards(), gated.total(),
                null, null, null, false);
    }

    /** A posting: the awards and points after the policy's caps, the balances after posting. */
    static TransactionModels.TransactionResult of(String transactionId, String kind, String memberId, Instant occurredAt,
                                                  int ruleVersion, EarningOutcome outcome, EarningPlan plan,
                                                  long balance, long pending) {
        return of(transactionId, kind, memberId, occurredAt, ruleVersion, outcome, plan.awards(), plan.points(), balance,
                pending, plan.held() ? plan.lot().availableAt() : null, true);
    }

    private static TransactionModels.TransactionResult of(String transactionId, String kind, String memberId,
            Instant occurredAt, int ruleVersion, EarningOutcome outcome, List<Award> awards,
            long totalPoints, Long balance, Long pending, Instant heldUntil, boolean posted) {
        return new TransactionModels.TransactionResult(transactionId, kind, memberId, occurredAt, ruleVersion,
                totalPoints,
                awards.stream().map(TransactionModels.AwardView::of).toList(),
                outcome.lineNotes().stream().map(n -> new TransactionModels.LineNoteView(n.rule(), n.sku(), n.kind(),
                        n.factor(), n.reason())).toList(),
                outcome.tierDecision().map(t -> new TransactionModels.TierDecisionView(t.currentTier(), t.targetTier(),
                        t.rule(), t.reason())).orElse(null),
                balance, pending, heldUntil, posted);
    }
}
