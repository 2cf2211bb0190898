package io.jifen.admin.ledger;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/adjustments")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "adjustPoints", summary = "Adjust a member's points by hand",
            description = "Positive adds a lot expiring by the policy; negative takes from the points expiring first."
                    + " Idempotent by adjustmentId; recorded with the calling key.")
    @APIResponseSchema(value = LedgerModels.OperationResult.class, responseCode = "201", responseDescription = "Adjusted")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, insufficient-points, member-frozen, account-cap")
    public Response adjust(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull LedgerModels.AdjustmentRequest request) {
        return operations.adjust(tenancy.merchant(code), memberId, request).toResponse();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/debits")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "debitPoints", summary = "Spend a member's points",
            description = "Takes points from the lots expiring first. Idempotent by debitId.")
    @APIResponseSchema(value = LedgerModels.OperationResult.class, responseCode = "201", responseDescription = "Debited")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, insufficient-points, member-frozen")
    public Response debit(@PathParam("code") String code, @PathParam("memberId") String memberId,
                          @Valid @NotNull LedgerModels.DebitRequest request) {
        return operations.debit(tenancy.merchant(code), memberId, request).toResponse();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/debits/{debitId}/cancellation")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "cancelDebit", summary = "Cancel a debit",
            description = "The debit's points go back to the lots they came from, keeping their expiry; points expired"
                    + " meanwhile stay expired; returned points settle open refund shortfalls first. Once per debit;"
                    + " idempotent by cancellationId.")
    @APIResponseSchema(value = LedgerModels.CancellationResult.class, responseCode = "201", responseDescription = "Cancelled")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, already-cancelled")
    public Response cancelDebit(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                @PathParam("debitId") String debitId,
                                @Valid @NotNull LedgerModels.DebitCancellation request) {
        return operations.cancelDebit(tenancy.merchant(code), memberId, debitId, request).toResponse();
    }

    @POST
    @Path("/freeze")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "freezeMember", summary = "Freeze a member's points",
            description = "A frozen member keeps earning but cannot spend, send or receive points. Audited.")
    @APIResponse(responseCode = "204", description = "Frozen")
    public Response freeze(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull LedgerModels.FreezeRequest request) {
        operations.freeze(tenancy.merchant(code), memberId, request.reason(), true);
        return Response.noContent().build();
    }

    @POST
    @Path("/unfreeze")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "unfreezeMember", summary = "Unfreeze a member's points", description = "Audited.")
    @APIResponse(responseCode = "204", description = "Unfrozen")
    public Response unfreeze(@PathParam("code") String code, @PathParam("memberId") String memberId,
                             @Valid @NotNull LedgerModels.FreezeRequest request) {
        operations.freeze(tenancy.merchant(code), memberId, request.reason(), false);
        return Response.noContent().build();
    }

    @GET
    @Path("/expiring")
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getMemberExpiringPoints", summary = "Points a member has expiring soon",
            description = "The points expiring in the next `days` days, per last valid day.")
    public LedgerModels.Expiring expiring(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                          @QueryParam("days") @DefaultValue("30") @Min(value = 1, message = Inputs.DAYS) @Max(value = 366, message = Inputs.DAYS) int days) {
        Merchant m = tenancy.merchant(code);
        return expiring.forMember(m, memberId, days);
    }

}
