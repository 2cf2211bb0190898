package io.jifen.admin.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A resource method that forgot to say who may call it, as a mistake would leave one. It lives in the
 * tests only: AccessIsDeniedByDefaultTest shows that the service refuses it to every key, and
 * ResourceMethodsDeclareAccessTest (which scans the service's own classes, not these) that the scan sees it.
 */
@Path("/test-only/undeclared")
public class UndeclaredAccessResource {
    @GET
    @Operation(hidden = true) // not part of the API: the contract tests read the document the service serves
    public String undeclared() {
        return "this must never be answered";
    }
}
