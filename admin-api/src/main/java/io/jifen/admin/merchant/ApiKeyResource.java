package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.ApiKeyModels;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/merchants/{code}/api-keys")
@Tag(name = "api keys and audit")
public class ApiKeyResource {
    @Inject
    ApiKeyService keys;

    @Inject
    Tenancy tenancy;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.ADMIN)
    @Operation(operationId = "issueApiKey", summary = "Issue an API key of the merchant",
            description = "A MARKETING, INTEGRATOR or QA key. The answer holds the secret, shown this once and stored"
                    + " only as a hash. Audited.")
    @APIResponseSchema(value = ApiKeyModels.IssuedKeyView.class, responseCode = "201",
            responseDescription = "Issued, with its secret")
    public Response issue(@PathParam("code") String code, @Valid @NotNull ApiKeyModels.KeyRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(ApiKeyModels.IssuedKeyView.of(keys.issue(m.id, request.role(), request.label())))
                .build();
    }

    @GET
    @Allowed(Role.ADMIN)
    @Operation(operationId = "listApiKeys", summary = "List the merchant's API keys",
            description = "The merchant's keys without their secrets, oldest first: id, role, label, when and by whom it was"
                    + " issued, when it was revoked.")
    public Page<ApiKeyModels.KeyView> list(@PathParam("code") String code, @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return keys.keysOf(tenancy.merchant(code).id, limit, cursor).map(ApiKeyModels.KeyView::of);
    }

    @DELETE
    @Path("/{id}")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Refused at once by the instance that revoked it, by other instances within 5 s. Audited.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("code") String code, @PathParam("id") String id) {
        keys.revoke(tenancy.merchant(code).id, id);
        return Response.noContent().build();
    }
}
