package io.jifen.admin.ledger;

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

/**
 * "Why did I get these points": the member's ledger, entry by entry, newest first ({@link Statements}).
 */
@Path("/merchants/{code}/members/{memberId}/statement")
@Tag(name = "ledger")
public class StatementResource {
    @Inject
    Tenancy tenancy;

    @Inject
    Statements statements;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getStatement", summary = "Read a member's statement",
            description = "The member's ledger, newest first, a page at a time: each entry's kind, bucket, points,"
                    + " balance after, the transaction and the rule behind it. The member's balances now are getMember's.")
    public Page<LedgerModels.StatementLine> statement(@PathParam("code") String code, @PathParam("memberId") String memberId,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return statements.of(tenancy.merchant(code), memberId, limit, cursor);
    }
}
