package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/purchases")
@Tag(name = "transactions")
public class PurchaseResource {
    @Inject
    Tenancy tenancy;

    @Inject
    PostingService postings;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "postPurchase", summary = "Post a purchase",
            description = "Evaluates the purchase on the merchant's active rule version and posts its points to the"
                    + " member's ledger (held pending for the return window when the policy says so). Idempotent by"
                    + " transactionId. Money (`total`, `unitPrice`, `amount`) is a decimal string; a JSON number is"
                    + " accepted too.")
    @APIResponseSchema(value = TransactionModels.TransactionResult.class, responseCode = "201",
            responseDescription = "Posted")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, no-active-rule-version, rule-evaluation-failed, rule-set-too-slow")
    public Response purchase(@PathParam("code") String code, @Valid @NotNull TransactionModels.PurchaseRequest request) {
        return postings.purchase(tenancy.merchant(code), request).toResponse();
    }
}
