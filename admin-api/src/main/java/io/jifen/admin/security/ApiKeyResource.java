package io.jifen.admin.security;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/")
@Tag(name = "api keys and audit")
public class ApiKeyResource {
    @Inject
    ApiKeyService keys;

    @Inject
    Tenancy tenancy;

    @Inject
    CallerContext callerContext;

    @POST
    @Path("merchants/{code}/api-keys")
    @Allowed(Role.ADMIN)
    public Response issue(@PathParam("code") String code, @Valid @NotNull ApiKeyModels.KeyRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(ApiKeyModels.IssuedKeyView.of(keys.issue(m.id, request.role(), request.label())))
                .build();
    }

    @GET
    @Path("merchants/{code}/api-keys")
    @Allowed(Role.ADMIN)
    public List<ApiKeyModels.KeyView> list(@PathParam("code") String code) {
        return keys.keysOf(tenancy.merchant(code).id).stream().map(ApiKeyModels.KeyView::of).toList();
    }

    @DELETE
    @Path("merchants/{code}/api-keys/{id}")
    @Allowed(Role.ADMIN)
    public Response revoke(@PathParam("code") String code, @PathParam("id") String id) {
        keys.revoke(tenancy.merchant(code).id, id);
        return Response.noContent().build();
    }

    @POST
    @Path("platform/api-keys")
    @Allowed(Role.ADMIN)
    public Response issuePlatformKey(@Valid ApiKeyModels.PlatformKeyRequest request) {
        requirePlatformAdmin();
        return Response.status(201).entity(ApiKeyModels.IssuedKeyView.of(
                keys.issue(null, Role.ADMIN, request == null ? null : request.label()))).build();
    }

    @DELETE
    @Path("platform/api-keys/{id}")
    @Allowed(Role.ADMIN)
    public Response revokePlatformKey(@PathParam("id") String id) {
        requirePlatformAdmin();
        keys.revoke(null, id);
        return Response.noContent().build();
    }

    @GET
    @Path("merchants/{code}/audit")
    @Allowed({Role.ADMIN, Role.QA})
    public List<ApiKeyModels.AuditView> audit(@PathParam("code") String code,
                                              @QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") int limit) {
        Merchant m = tenancy.merchant(code);
        return AuditEntry.<AuditEntry>find("merchantId = ?1 order by id desc", m.id).page(0, Math.min(Math.max(limit, 1), 1000))
                .list().stream().map(ApiKeyModels.AuditView::of).toList();
    }

    private void requirePlatformAdmin() {
        if (!callerContext.caller().isPlatformAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "only platform ADMIN keys manage platform keys", null);
        }
    }
}
