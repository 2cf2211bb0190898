package io.jifen.admin.ledger;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Merchant-wide ledger operations: transfers between members, and the points expiring soon. */
@Path("/merchants/{code}")
@Tag(name = "ledger")
public class TransferResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PointsOperations operations;

    @Inject
    ExpiringPoints expiring;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/transfers")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "transferPoints", summary = "Transfer points between members",
            description = "When the merchant's policy allows transfers; the received points keep their expiry."
                    + " Idempotent by transferId.")
    @APIResponseSchema(value = LedgerModels.OperationResult.class, responseCode = "201", responseDescription = "Transferred")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, transfers-disabled, insufficient-points, member-frozen, account-cap")
    public Response transfer(@PathParam("code") String code, @Valid @NotNull LedgerModels.TransferRequest request) {
        return operations.transfer(tenancy.merchant(code), request).toResponse();
    }

    @GET
    @Path("/expiring")
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getExpiringPoints", summary = "Points expiring soon, merchant-wide",
            description = "The points expiring in the next `days` days, per last valid day, with the number of members.")
    public LedgerModels.Expiring expiring(@PathParam("code") String code,
                                          @QueryParam("days") @DefaultValue("30") @Min(value = 1, message = Inputs.DAYS) @Max(value = 366, message = Inputs.DAYS) int days) {
        return expiring.forMerchant(tenancy.merchant(code), days);
    }
}
