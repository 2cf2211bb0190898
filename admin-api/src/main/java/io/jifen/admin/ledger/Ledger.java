package io.jifen.admin.ledger;

import jakarta.persistence.FlushModeType;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.engine.evaluation.Award;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Appends entries to a member's ledger and moves the balance with them, in the caller's transaction. */
@ApplicationScoped
public class Ledger {
    @Inject
    EntityManager em;

    /** One entry per non-zero award; the member row must be locked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void earn(LoyaltyMember member, long transactionId, long ruleVersionId, List<Award> awards) {
        List<Award> moving = awards.stream().filter(a -> a.points() != 0).toList();
        Instant now = Instant.now();
        member.updatedAt = now;
        if (moving.isEmpty()) {
            return;
        }
        // one statement for all of the transaction's entries: ?1-?5 are shared, then 5 per entry
        StringBuilder sql = new StringBuilder("insert into ledger_entry (merchant_id, member_id, kind, points, balance_after,"
                + " transaction_id, rule_version_id, rule_name, family, reason, created_at) values ");
        for (int i = 0; i < moving.size(); i++) {
            int p = 6 + i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?2, 'EARN', ?").append(p).append(", ?").append(p + 1)
                    .append(", ?3, ?4, ?").append(p + 2).append(", ?").append(p + 3).append(", ?").append(p + 4)
                    .append(", ?5)");
        }
        Query insert = em.createNativeQuery(sql.toString()).setParameter(1, member.merchantId).setParameter(2, member.id)
                .setParameter(3, transactionId).setParameter(4, ruleVersionId).setParameter(5, now);
        for (int i = 0; i < moving.size(); i++) {
            Award award = moving.get(i);
            member.balance += award.points();
            int p = 6 + i * 5;
            insert.setParameter(p, award.points()).setParameter(p + 1, member.balance)
                    .setParameter(p + 2, award.rule()).setParameter(p + 3, award.family())
                    .setParameter(p + 4, award.reason());
        }
        insert.setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }
}
