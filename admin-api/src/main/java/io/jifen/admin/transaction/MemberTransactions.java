package io.jifen.admin.transaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jifen.admin.ledger.TransactionKind;
import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.MoneyJson;
import io.jifen.admin.shared.Page;
import io.jifen.admin.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member's transactions, newest first: purchases, events, refunds and every operation on points,
 * each with its id (whose stored answer GET …/transactions/{id} gives), kind, amount and points.
 * Pages follow (occurred_at, id) down the index loyalty_transaction_by_member.
 */
@ApplicationScoped
public class MemberTransactions {
    @Inject
    EntityManager em;

    /** {@code amount}: a purchase's total or a refund's amount; {@code points}: what it moved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberTransactionView(String transactionId, TransactionKind kind, String eventType,
                                        @JsonSerialize(using = MoneyJson.class)
                                        @Schema(type = SchemaType.STRING, format = MoneyJson.FORMAT,
                                                description = MoneyJson.DESCRIPTION) BigDecimal amount,
                                        long points, Integer ruleVersion, Instant occurredAt, Instant postedAt) {
    }

    public Page<MemberTransactionView> of(Merchant merchant, String memberId, int limit, String cursor) {
        LoyaltyMember member = LoyaltyMember.of(merchant.id, memberId)
                .orElseThrow(() -> ProblemException.notFound("member `" + memberId + "`"));
        Cursor.At after = Cursor.decodeAt(cursor);
        Query query = em.createNativeQuery("""
                        select t.id, t.external_id, t.kind, t.event_type, t.amount, t.total_points, v.number as rule_version,
                               t.occurred_at, t.created_at
                        from loyalty_transaction t left join rule_version v on v.id = t.rule_version_id
                        where t.member_id = ?1""" + (after == null ? "" : " and (t.occurred_at, t.id) < (?3, ?4)")
                        + " order by t.occurred_at desc, t.id desc limit ?2", Tuple.class)
                .setParameter(1, member.id).setParameter(2, limit + 1);
        if (after != null) {
            query.setParameter(3, after.at()).setParameter(4, after.id());
        }
        List<Tuple> rows = Rows.tuples(query);
        return Page.of(rows, limit, r -> new Cursor.At(Rows.instant(r, "occurred_at"), Rows.longValue(r, "id")).key())
                .map(r -> new MemberTransactionView(Rows.string(r, "external_id"),
                        TransactionKind.valueOf(Rows.string(r, "kind")), Rows.string(r, "event_type"),
                        r.get("amount", BigDecimal.class), Rows.longValue(r, "total_points"),
                        Rows.nullableInt(r, "rule_version"), Rows.instant(r, "occurred_at"), Rows.instant(r, "created_at")));
    }
}
