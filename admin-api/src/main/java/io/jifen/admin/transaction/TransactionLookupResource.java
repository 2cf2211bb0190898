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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
            description = "Any transaction by the integrator's id — a purchase, event, refund, adjustment, debit, debit"
                    + " cancellation, transfer, redemption or its cancellation — with its `kind` and the answer it was"
                    + " given when posted, under the one field that kind names (`posting`, `refund`, `operation`,"
                    + " `debitCancellation` or `redemption`).")
    public PostedTransactions.PostedTransaction get(@PathParam("code") String code,
                                                    @PathParam("transactionId") String transactionId) {
        return posted.of(tenancy.merchant(code), transactionId);
    }
}
