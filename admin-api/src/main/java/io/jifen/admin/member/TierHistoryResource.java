package io.jifen.admin.member;

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


/** A member's tier history, oldest first: every change and retention with its cause and reason. */
@Path("/merchants/{code}/members/{memberId}/tier-history")
@Tag(name = "members")
public class TierHistoryResource {
    @Inject
    Tenancy tenancy;

    @Inject
    TierHistory history;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getTierHistory", summary = "Read a member's tier history",
            description = "Every tier change and retention, oldest first, with cause, transaction, rule version, rule"
                    + " and reason.")
    public Page<TierHistory.TierChangeView> history(@PathParam("code") String code,
                                                    @PathParam("memberId") String memberId, @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return history.of(tenancy.merchant(code), memberId, limit, cursor);
    }
}
