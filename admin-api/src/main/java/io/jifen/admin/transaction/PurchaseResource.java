package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/purchases")
@Tag(name = "transactions")
public class PurchaseResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PostingService postings;

    @POST
    @Allowed(Role.INTEGRATOR)
    public Response purchase(@PathParam("code") String code, @Valid @NotNull TransactionModels.PurchaseRequest request) {
        return postings.purchase(tenancy.merchant(code), request).toResponse();
    }
}
