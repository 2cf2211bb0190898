package io.jifen.admin.member;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

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
    public List<TierHistory.TierChangeView> history(@PathParam("code") String code, @PathParam("memberId") String memberId) {
        return history.of(tenancy.merchant(code), memberId);
    }
}
