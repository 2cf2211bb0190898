package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.ApiKeyModels;
import io.jifen.admin.security.AuditLog;
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
            description = "Configuration changes of the merchant, newest first: which key, when, what.")
    public List<ApiKeyModels.AuditView> list(@PathParam("code") String code,
                                             @QueryParam("limit") @DefaultValue("100")
                                             @Min(value = 1, message = Inputs.LIMIT_1000) @Max(value = 1000, message = Inputs.LIMIT_1000) int limit) {
        return audit.newestFirst(tenancy.merchant(code).id, limit).stream().map(ApiKeyModels.AuditView::of).toList();
    }
}
