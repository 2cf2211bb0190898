package io.jifen.admin.security;

import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform ADMIN keys: only a platform ADMIN key may issue or revoke them. */
@Path("/platform/api-keys")
@Tag(name = "api keys and audit")
public class PlatformKeyResource {
    @Inject
    ApiKeyService keys;

    @Inject
    CallerContext callerContext;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.ADMIN)
    @Operation(operationId = "issuePlatformKey", summary = "Issue a platform ADMIN key",
            description = "A key that may act on every merchant; only a platform ADMIN key may issue one. The answer"
                    + " holds the secret, shown this once.")
    @APIResponseSchema(value = ApiKeyModels.IssuedKeyView.class, responseCode = "201",
            responseDescription = "Issued, with its secret")
    public Response issue(@RequestBody(required = false) @Valid ApiKeyModels.PlatformKeyRequest request) {
        requirePlatformAdmin();
        return Response.status(201).entity(ApiKeyModels.IssuedKeyView.of(
                keys.issue(null, Role.ADMIN, request == null ? null : request.label()))).build();
    }

    @DELETE
    @Path("/{id}")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "revokePlatformKey", summary = "Revoke a platform ADMIN key",
            description = "Only a platform ADMIN key may revoke one.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(@PathParam("id") String id) {
        requirePlatformAdmin();
        keys.revoke(null, id);
        return Response.noContent().build();
    }

    private void requirePlatformAdmin() {
        if (!callerContext.caller().isPlatformAdmin()) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "only platform ADMIN keys manage platform keys");
        }
    }
}
