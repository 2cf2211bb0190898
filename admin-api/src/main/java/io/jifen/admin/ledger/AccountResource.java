package io.jifen.admin.ledger;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's points account: manual adjustments, debits, freezing, and the points expiring soon. */
@Path("/merchants/{code}/members/{memberId}")
@Tag(name = "ledger")
public class AccountResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PointsOperations operations;

    @Inject
    ExpiringPoints expiring;

    @POST
    @Path("/adjustments")
    @Allowed(Role.INTEGRATOR)
    public Response adjust(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull LedgerModels.AdjustmentRequest request) {
        return operations.adjust(tenancy.merchant(code), memberId, request).toResponse();
    }

    @POST
    @Path("/debits")
    @Allowed(Role.INTEGRATOR)
    public Response debit(@PathParam("code") String code, @PathParam("memberId") String memberId,
                          @Valid @NotNull LedgerModels.DebitRequest request) {
        return operations.debit(tenancy.merchant(code), memberId, request).toResponse();
    }

    @POST
    @Path("/debits/{debitId}/cancellation")
    @Allowed(Role.INTEGRATOR)
    public Response cancelDebit(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                @PathParam("debitId") String debitId,
                                @Valid @NotNull LedgerModels.DebitCancellation request) {
        return operations.cancelDebit(tenancy.merchant(code), memberId, debitId, request).toResponse();
    }

    @POST
    @Path("/freeze")
    @Allowed(Role.INTEGRATOR)
    public Response freeze(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull LedgerModels.FreezeRequest request) {
        operations.freeze(tenancy.merchant(code), memberId, request.reason(), true);
        return Response.noContent().build();
    }

    @POST
    @Path("/unfreeze")
    @Allowed(Role.INTEGRATOR)
    public Response unfreeze(@PathParam("code") String code, @PathParam("memberId") String memberId,
                             @Valid @NotNull LedgerModels.FreezeRequest request) {
        operations.freeze(tenancy.merchant(code), memberId, request.reason(), false);
        return Response.noContent().build();
    }

    @GET
    @Path("/expiring")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public LedgerModels.Expiring expiring(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                          @QueryParam("days") @DefaultValue("30") @Min(value = 1, message = Inputs.DAYS) @Max(value = 366, message = Inputs.DAYS) int days) {
        Merchant m = tenancy.merchant(code);
        return expiring.forMember(m, memberId, days);
    }

}
