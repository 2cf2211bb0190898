package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.ApiKeyService;
import io.jifen.admin.security.Caller;
import io.jifen.admin.security.CallerContext;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who the calling key is, on the merchant it names: what a client (the console's sign-in) needs to
 * decide what to show, without trying endpoints until one answers 403. Every role may ask; a key of
 * another merchant gets the same 404 as everywhere else, so a wrong merchant code is told apart from
 * a wrong key (401) without revealing which merchants exist.
 */
@Path("/merchants/{code}/me")
@Tag(name = "api keys and audit")
public class WhoAmIResource {
    @Inject
    Tenancy tenancy;

    @Inject
    CallerContext callerContext;

    @Inject
    ApiKeyService keys;

    /**
     * {@code platformAdmin}: an ADMIN key of the platform (it may act on every merchant);
     * {@code label}: the label given when the key was issued (null for the bootstrap key).
     */
    public record CallerView(String keyId, Role role, String label, String merchant, boolean platformAdmin) {
    }

    @GET
    @Allowed({Role.ADMIN, Role.MARKETING, Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "whoAmI", summary = "Who the calling key is",
            description = "Key id, role, label, merchant and whether it is a platform ADMIN key: what a client needs"
                    + " to decide what to show.")
    public CallerView me(@PathParam("code") String code) {
        Merchant merchant = tenancy.merchant(code);
        Caller caller = callerContext.caller();
        return new CallerView(caller.keyId(), caller.role(), keys.labelOf(caller.keyId()), merchant.code,
                caller.isPlatformAdmin());
    }
}
