package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The merchant's activations, newest effective instant first: what is scheduled, what is live, what
 * was live before, what was cancelled, and which key made each. The audit log holds the same facts
 * as text (and MARKETING, who makes the activations, may not read it); this is the structured read
 * a release screen needs.
 */
@Path("/merchants/{code}/activations")
@Tag(name = "rule versions")
public class ActivationHistoryResource {
    @Inject
    Tenancy tenancy;

    @Inject
    ActivationHistory history;

    @GET
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listActivations", summary = "List the merchant's activations",
            description = "Newest effective instant first: what is scheduled, live, was live, or was cancelled, and"
                    + " which key made each.")
    public List<ActivationHistory.ActivationEntry> list(@PathParam("code") String code,
                                                        @QueryParam("limit") @DefaultValue("50")
                                                        @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = 500, message = Inputs.LIMIT_500) int limit) {
        return history.of(tenancy.merchant(code), limit);
    }
}
