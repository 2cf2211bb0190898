package io.jifen.admin.member;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** A member's tier history, oldest first: every change and retention with its cause and reason. */
@ApplicationScoped
public class TierHistory {
    @Inject
    EntityManager em;

    public record TierChangeView(String from, String to, String cause, String transactionId, Integer ruleVersion,
                                 String rule, String reason, Instant at) {
    }

    /** The member's changes, oldest first; 404 for an unknown member. */
    public List<TierChangeView> of(Merchant merchant, String memberId) {
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select c.from_tier, c.to_tier, c.cause, t.external_id, v.number, c.rule_name, c.reason, c.at
                        from tier_change c left join loyalty_transaction t on t.id = c.transaction_id
                        left join rule_version v on v.id = c.rule_version_id
                        where c.member_id = ?1 order by c.id""").setParameter(1, member.id).getResultList();
        return rows.stream().map(r -> new TierChangeView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], (String) r[6],
                SqlValues.instant(r[7]))).toList();
    }
}
