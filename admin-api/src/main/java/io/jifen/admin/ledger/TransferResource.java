package io.jifen.admin.ledger;

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
    @Path("/transfers")
    @Allowed(Role.INTEGRATOR)
    public Response transfer(@PathParam("code") String code, @Valid @NotNull LedgerModels.TransferRequest request) {
        return operations.transfer(tenancy.merchant(code), request).toResponse();
    }

    @GET
    @Path("/expiring")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public LedgerModels.Expiring expiring(@PathParam("code") String code,
                                          @QueryParam("days") @DefaultValue("30") @Min(value = 1, message = Inputs.DAYS) @Max(value = 366, message = Inputs.DAYS) int days) {
        return expiring.forMerchant(tenancy.merchant(code), days);
    }
}
