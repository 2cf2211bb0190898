package io.jifen.admin.ledger;

import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * A member's statement: the ledger entry by entry, newest first, a page at a time. Each entry names
 * its cause: the transaction (purchase, event, refund, adjustment, debit, transfer) and, for earnings,
 * the rule and version; expiry and release entries name the lot and the transaction that earned it.
 */
@ApplicationScoped
public class Statements {
    @Inject
    EntityManager em;

    /** Up to {@code limit} entries older than entry {@code before} (all when null); 404 for an unknown member. */
    public LedgerModels.Statement of(Merchant merchant, String memberId, int limit, Long before) {
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        int size = limit;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select e.id, e.kind, e.points, e.balance_after, coalesce(t.external_id, lt.external_id), v.number,
                               e.rule_name, e.family, e.reason, e.created_at, e.bucket, coalesce(t.kind, lt.kind), e.lot_id
                        from ledger_entry e
                        left join loyalty_transaction t on t.id = e.transaction_id
                        left join point_lot l on e.transaction_id is null and l.id = e.lot_id
                        left join loyalty_transaction lt on lt.id = l.transaction_id
                        left join rule_version v on v.id = e.rule_version_id
                        where e.member_id = ?1 and e.id < ?2
                        order by e.id desc
                        limit ?3""")
                .setParameter(1, member.id).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, size + 1).getResultList();
        List<LedgerModels.StatementLine> lines = rows.stream().limit(size).map(r -> new LedgerModels.StatementLine(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[10], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), (String) r[4], (String) r[11], r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], (String) r[7], (String) r[8], r[12] == null ? null : ((Number) r[12]).longValue(),
                SqlValues.instant(r[9]))).toList();
        Long next = rows.size() > size ? lines.get(lines.size() - 1).entryId() : null;
        return new LedgerModels.Statement(member.externalId, member.balance, member.pending, lines, next);
    }
}
