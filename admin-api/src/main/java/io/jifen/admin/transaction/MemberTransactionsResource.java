package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's transactions, newest first ({@link MemberTransactions}). */
@Path("/merchants/{code}/members/{memberId}/transactions")
@Tag(name = "transactions")
public class MemberTransactionsResource {
    @Inject
    Tenancy tenancy;

    @Inject
    MemberTransactions transactions;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "listMemberTransactions", summary = "List a member's transactions",
            description = "Newest first: purchases, events, refunds and every operation on the member's points, each"
                    + " with its id, kind, amount and points; getTransaction gives one's full answer.")
    public Page<MemberTransactions.MemberTransactionView> list(@PathParam("code") String code,
            @PathParam("memberId") String memberId,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return transactions.of(tenancy.merchant(code), memberId, limit, cursor);
    }
}
