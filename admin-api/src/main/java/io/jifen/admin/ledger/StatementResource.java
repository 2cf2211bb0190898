package io.jifen.admin.ledger;


import io.jifen.admin.member.LoyaltyMember;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.shared.Inputs;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.Timestamp;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Why did I get these points": the member's ledger, entry by entry, newest first. Each entry names
 * its cause: the transaction (purchase, event, refund, adjustment, debit, transfer) and, for earnings,
 * the rule and version; expiry and release entries name the lot and the transaction that earned it.
 */
@Path("/merchants/{code}/members/{memberId}/statement")
@Tag(name = "ledger")
public class StatementResource {
    @Inject
    Tenancy tenancy;

    @Inject
    EntityManager em;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    public LedgerModels.Statement statement(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                            @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = 500, message = Inputs.LIMIT_500) int limit,
                                            @QueryParam("before") Long before) {
        Merchant m = tenancy.merchant(code);
        LoyaltyMember member = LoyaltyMember.of(m.id, memberId)
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
                io.jifen.admin.shared.SqlValues.instant(r[9]))).toList();
        Long next = rows.size() > size ? lines.get(lines.size() - 1).entryId() : null;
        return new LedgerModels.Statement(member.externalId, member.balance, member.pending, lines, next);
    }
}
