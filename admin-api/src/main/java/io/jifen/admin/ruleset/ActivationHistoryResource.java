package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
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
            description = "Newest effective instant first, a page at a time: what is scheduled, live, was live, or was"
                    + " cancelled, and which key made each.")
    public Page<ActivationHistory.ActivationEntry> list(@PathParam("code") String code,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return history.of(tenancy.merchant(code), limit, cursor);
    }
}
