package io.jifen.admin.ledger;

import io.jifen.admin.member.LoyaltyMember;
import io.jifen.engine.evaluation.Award;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Appends entries to a member's ledger and moves the balance with them, in the caller's transaction. */
@ApplicationScoped
public class Ledger {

    /** One entry per non-zero award; the member row must be locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void earn(LoyaltyMember member, long transactionId, long ruleVersionId, List<Award> awards) {
        Instant now = Instant.now();
        for (Award award : awards) {
            if (award.points() == 0) {
                continue;
            }
            member.balance += award.points();
            LedgerEntry entry = new LedgerEntry();
            entry.merchantId = member.merchantId;
            entry.memberId = member.id;
            entry.kind = "EARN";
            entry.points = award.points();
            entry.balanceAfter = member.balance;
            entry.transactionId = transactionId;
            entry.ruleVersionId = ruleVersionId;
            entry.ruleName = award.rule();
            entry.family = award.family();
            entry.reason = award.reason();
            entry.createdAt = now;
            entry.persist();
        }
        member.updatedAt = now;
    }
}
