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
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Evaluate without posting, on the active version or any version (?version=n), drafts included. */
@Path("/merchants/{code}/dry-runs")
@Tag(name = "transactions")
public class DryRunResource {
    @Inject
    Tenancy tenancy;

    @Inject
    DryRunService dryRuns;

    @POST
    @Path("/purchases")
    @Allowed({Role.INTEGRATOR, Role.QA, Role.MARKETING})
    @Operation(operationId = "dryRunPurchase", summary = "Evaluate a purchase without posting it",
            description = "On the active version, or on any version with ?version=n (drafts included). Nothing is"
                    + " written; `posted` is false.")
    @Extension(name = ProblemResponses.EXTENSION, value = "no-active-rule-version, rule-evaluation-failed, compiler-busy, rule-set-too-slow")
    public TransactionModels.TransactionResult purchase(@PathParam("code") String code, @QueryParam("version") Integer version,
                                                        @Valid @NotNull TransactionModels.PurchaseRequest request) {
        return dryRuns.purchase(tenancy.merchant(code), request, version);
    }

    @POST
    @Path("/events")
    @Allowed({Role.INTEGRATOR, Role.QA, Role.MARKETING})
    @Operation(operationId = "dryRunEvent", summary = "Evaluate an event without posting it",
            description = "On the active version, or on any version with ?version=n. Nothing is written.")
    @Extension(name = ProblemResponses.EXTENSION, value = "no-active-rule-version, rule-evaluation-failed, compiler-busy, rule-set-too-slow")
    public TransactionModels.TransactionResult event(@PathParam("code") String code, @QueryParam("version") Integer version,
                                                     @Valid @NotNull TransactionModels.EventRequest request) {
        return dryRuns.event(tenancy.merchant(code), request, version);
    }
}
