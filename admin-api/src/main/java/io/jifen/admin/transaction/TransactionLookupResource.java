package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.merchant.Tenancy;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/transactions")
@Tag(name = "transactions")
public class TransactionLookupResource {
    @Inject
    Tenancy tenancy;

    @GET
    @Path("/{transactionId}")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public Response get(@PathParam("code") String code, @PathParam("transactionId") String transactionId) {
        Merchant m = tenancy.merchant(code);
        LoyaltyTransaction t = LoyaltyTransaction.of(m.id, transactionId)
                .orElseThrow(() -> ProblemException.notFound("transaction `" + transactionId + "`"));
        return Response.ok(t.result, MediaType.APPLICATION_JSON).build();
    }
}
