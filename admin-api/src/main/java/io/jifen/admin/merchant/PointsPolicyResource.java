package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The merchant's points policy on its own: marketing staff own how points behave (expiry, caps,
 * pending days, tiers), while the merchant's identity (name, time zone, currency) stays with the
 * platform admin's {@code PUT /merchants/{code}}. Reading it needs no endpoint of its own:
 * {@code GET /merchants/{code}} shows it to every role of the merchant.
 */
@Path("/merchants/{code}/points-policy")
@Tag(name = "merchants")
public class PointsPolicyResource {
    @Inject
    MerchantService merchants;

    @Inject
    Tenancy tenancy;

    /** Replaces the whole policy (settings left out take their defaults, as at creation); audited. */
    @PUT
    @Allowed({Role.MARKETING, Role.ADMIN})
    @Operation(operationId = "replacePointsPolicy", summary = "Replace the points policy",
            description = "The whole policy (settings left out take their defaults); the merchant's name, time zone"
                    + " and currency stay as they are. Audited.")
    public MerchantView replace(@PathParam("code") String code, @Valid @NotNull PointsPolicyModel policy) {
        return MerchantView.of(merchants.updatePolicy(tenancy.merchant(code), policy));
    }
}
