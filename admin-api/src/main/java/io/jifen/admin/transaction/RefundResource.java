package io.jifen.admin.transaction;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.IdempotentAnswer;
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

@Path("/merchants/{code}/refunds")
@Tag(name = "transactions")
public class RefundResource {
    @Inject
    Tenancy tenancy;

    @Inject
    RefundService refunds;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "postRefund", summary = "Refund a purchase",
            description = "In full, by lines or by amount: the remaining purchase is re-evaluated with the rule version"
                    + " that awarded it, and the points the refunded part earned are taken back. Idempotent by refundId.")
    @APIResponseSchema(value = RefundModels.RefundResult.class, responseCode = "201", responseDescription = "Refunded")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, already-refunded, refund-not-reevaluable, rule-evaluation-failed, rule-set-too-slow")
    public Response refund(@PathParam("code") String code, @Valid @NotNull RefundModels.RefundRequest request) {
        IdempotentAnswer outcome = refunds.refund(tenancy.merchant(code), request);
        return outcome.toResponse();
    }
}
