package io.jifen.admin.ledger;

import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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

    /** A page of entries, newest first, after the entry {@code cursor} names; 404 for an unknown member. */
    public Page<LedgerModels.StatementLine> of(Merchant merchant, String memberId, int limit, String cursor) {
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        Long before = Cursor.decodeLong(cursor);
        List<Tuple> rows = Rows.tuples(em.createNativeQuery("""
                        select e.id, e.kind, e.points, e.balance_after,
                               coalesce(t.external_id, lt.external_id) as transaction_id, v.number as rule_version,
                               e.rule_name, e.family, e.reason, e.created_at, e.bucket,
                               coalesce(t.kind, lt.kind) as transaction_kind, e.lot_id
                        from ledger_entry e
                        left join loyalty_transaction t on t.id = e.transaction_id
                        left join point_lot l on e.transaction_id is null and l.id = e.lot_id
                        left join loyalty_transaction lt on lt.id = l.transaction_id
                        left join rule_version v on v.id = e.rule_version_id
                        where e.member_id = ?1 and e.id < ?2
                        order by e.id desc
                        limit ?3""", Tuple.class)
                .setParameter(1, member.id).setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, limit + 1));
        return Page.of(rows, limit, r -> String.valueOf(Rows.longValue(r, "id"))).map(r -> new LedgerModels.StatementLine(
                Rows.longValue(r, "id"), EntryKind.valueOf(Rows.string(r, "kind")), Bucket.valueOf(Rows.string(r, "bucket")),
                Rows.longValue(r, "points"), Rows.longValue(r, "balance_after"), Rows.string(r, "transaction_id"),
                Rows.string(r, "transaction_kind") == null ? null : TransactionKind.valueOf(Rows.string(r, "transaction_kind")),
                Rows.nullableInt(r, "rule_version"), Rows.string(r, "rule_name"), Rows.string(r, "family"),
                Rows.string(r, "reason"), Rows.nullableLong(r, "lot_id"), Rows.instant(r, "created_at")));
    }
}
