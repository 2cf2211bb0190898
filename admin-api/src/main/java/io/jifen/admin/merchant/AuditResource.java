package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.ApiKeyModels;
import io.jifen.admin.security.AuditLog;
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


/** Who changed what, newest first. */
@Path("/merchants/{code}/audit")
@Tag(name = "api keys and audit")
public class AuditResource {
    @Inject
    Tenancy tenancy;

    @Inject
    AuditLog audit;

    @GET
    @Allowed({Role.ADMIN, Role.QA})
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log",
            description = "Configuration changes of the merchant, newest first, a page at a time: which key, when, what.")
    public Page<ApiKeyModels.AuditView> list(@PathParam("code") String code,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return audit.newestFirst(tenancy.merchant(code).id, limit, cursor).map(ApiKeyModels.AuditView::of);
    }
}
