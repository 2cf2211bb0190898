package io.jifen.admin.transaction;

import io.jifen.engine.evaluation.EarningOutcome;

import java.time.Instant;

/** Builds the API view of an evaluation outcome. */
final class Results {
    private Results() {
    }

    static TransactionModels.TransactionResult of(String transactionId, String kind, String memberId, Instant occurredAt,
                                                  int ruleVersion, EarningOutcome outcome, Long balance, boolean posted) {
        return new TransactionModels.TransactionResult(transactionId, kind, memberId, occurredAt, ruleVersion,
                outcome.totalPoints(),
                outcome.awards().stream().map(a -> new TransactionModels.AwardView(a.rule(),
                        a.phase() == null ? null : a.phase().agendaGroup(), a.family(), a.points(), a.reason())).toList(),
                outcome.lineNotes().stream().map(n -> new TransactionModels.LineNoteView(n.rule(), n.sku(), n.kind(),
                        n.factor(), n.reason())).toList(),
                outcome.tierDecision().map(t -> new TransactionModels.TierDecisionView(t.currentTier(), t.targetTier(),
                        t.rule(), t.reason())).orElse(null),
                balance, posted);
    }
}
