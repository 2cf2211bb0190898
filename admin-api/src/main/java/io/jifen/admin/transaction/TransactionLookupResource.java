package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/transactions")
@Tag(name = "transactions")
public class TransactionLookupResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PostedTransactions posted;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{transactionId}")
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getTransaction", summary = "Read a posted transaction",
            description = "The answer given when the transaction was posted, by the integrator's id. For the id of"
                    + " another operation (a refund, adjustment, debit, transfer, redemption) that operation's answer.")
    @APIResponseSchema(value = TransactionModels.TransactionResult.class, responseCode = "200",
            responseDescription = "The stored answer")
    public Response get(@PathParam("code") String code, @PathParam("transactionId") String transactionId) {
        return Response.ok(posted.resultOf(tenancy.merchant(code), transactionId), MediaType.APPLICATION_JSON).build();
    }
}
