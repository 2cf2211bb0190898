package io.jifen.admin.merchant;

import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/merchants")
@Tag(name = "merchants")
public class MerchantResource {
    @Inject
    MerchantService merchants;

    @Inject
    Tenancy tenancy;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.ADMIN)
    @Operation(operationId = "createMerchant", summary = "Create a merchant",
            description = "A merchant with its code (fixed for ever), name, time zone, currency and points policy."
                    + " Platform ADMIN keys only; the creation is audited.")
    @APIResponseSchema(value = MerchantView.class, responseCode = "201", responseDescription = "Created; Location names it")
    @Extension(name = ProblemResponses.EXTENSION, value = "merchant-exists")
    public Response create(@Valid @NotNull MerchantRequest request) {
        Merchant m = merchants.create(request);
        return Response.created(URI.create("/merchants/" + m.code)).entity(MerchantView.of(m)).build();
    }

    @GET
    @Allowed(Role.ADMIN)
    @Operation(operationId = "listMerchants", summary = "List the merchants",
            description = "The merchants by code, a page at a time.")
    public Page<MerchantView> list(@QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return merchants.page(limit, cursor).map(MerchantView::of);
    }

    @GET
    @Path("/{code}")
    @Allowed({Role.ADMIN, Role.MARKETING, Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getMerchant", summary = "Read a merchant",
            description = "The merchant and its points policy, for every role of the merchant.")
    public MerchantView get(@PathParam("code") String code) {
        return MerchantView.of(tenancy.merchant(code));
    }

    @PUT
    @Path("/{code}")
    @Allowed(Role.ADMIN)
    @Operation(operationId = "updateMerchant", summary = "Change a merchant",
            description = "Name, time zone, currency or points policy; the code cannot change. Audited.")
    public MerchantView update(@PathParam("code") String code, @Valid @NotNull MerchantRequest request) {
        return MerchantView.of(merchants.update(tenancy.merchant(code), request));
    }
}
