package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/transactions")
@Tag(name = "transactions")
public class TransactionLookupResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PostedTransactions posted;

    @GET
    @Path("/{transactionId}")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public Response get(@PathParam("code") String code, @PathParam("transactionId") String transactionId) {
        return Response.ok(posted.resultOf(tenancy.merchant(code), transactionId), MediaType.APPLICATION_JSON).build();
    }
}
