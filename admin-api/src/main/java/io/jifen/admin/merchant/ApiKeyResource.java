package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.ApiKeyModels;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/merchants/{code}/api-keys")
@Tag(name = "api keys and audit")
public class ApiKeyResource {
    @Inject
    ApiKeyService keys;

    @Inject
    Tenancy tenancy;

    @POST
    @Allowed(Role.ADMIN)
    public Response issue(@PathParam("code") String code, @Valid @NotNull ApiKeyModels.KeyRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(ApiKeyModels.IssuedKeyView.of(keys.issue(m.id, request.role(), request.label())))
                .build();
    }

    @GET
    @Allowed(Role.ADMIN)
    public List<ApiKeyModels.KeyView> list(@PathParam("code") String code) {
        return keys.keysOf(tenancy.merchant(code).id).stream().map(ApiKeyModels.KeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Allowed(Role.ADMIN)
    public Response revoke(@PathParam("code") String code, @PathParam("id") String id) {
        keys.revoke(tenancy.merchant(code).id, id);
        return Response.noContent().build();
    }
}
