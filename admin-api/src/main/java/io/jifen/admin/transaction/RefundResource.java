package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.IdempotentAnswer;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/refunds")
@Tag(name = "transactions")
public class RefundResource {
    @Inject
    Tenancy tenancy;

    @Inject
    RefundService refunds;

    @POST
    @Allowed(Role.INTEGRATOR)
    public Response refund(@PathParam("code") String code, @Valid @NotNull RefundModels.RefundRequest request) {
        IdempotentAnswer outcome = refunds.refund(tenancy.merchant(code), request);
        return outcome.toResponse();
    }
}
