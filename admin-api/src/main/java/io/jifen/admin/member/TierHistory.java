package io.jifen.admin.member;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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

    /** A page of the member's changes, oldest first; 404 for an unknown member. */
    public Page<TierChangeView> of(Merchant merchant, String memberId, int limit, String cursor) {
        Long after = Cursor.decodeLong(cursor);
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select c.id, c.from_tier, c.to_tier, c.cause, t.external_id as transaction_id, v.number as rule_version,
                               c.rule_name, c.reason, c.at
                        from tier_change c left join loyalty_transaction t on t.id = c.transaction_id
                        left join rule_version v on v.id = c.rule_version_id
                        where c.member_id = ?1 and c.id > ?2 order by c.id limit ?3""", Tuple.class)
                .setParameter(1, member.id).setParameter(2, after == null ? 0L : after).setParameter(3, limit + 1));
        return Page.of(rows, limit, r -> String.valueOf(Rows.longValue(r, "id"))).map(r -> new TierChangeView(Rows.string(r, "from_tier"), Rows.string(r, "to_tier"),
                Rows.string(r, "cause"), Rows.string(r, "transaction_id"), Rows.nullableInt(r, "rule_version"),
                Rows.string(r, "rule_name"), Rows.string(r, "reason"), Rows.instant(r, "at")));
    }
}
