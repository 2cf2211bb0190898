package io.jifen.admin.merchant;

import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/merchants")
@Tag(name = "merchants")
public class MerchantResource {
    @Inject
    MerchantService merchants;

    @Inject
    Tenancy tenancy;

    @POST
    @Allowed(Role.ADMIN)
    public Response create(@Valid @NotNull MerchantRequest request) {
        Merchant m = merchants.create(request);
        return Response.created(URI.create("/merchants/" + m.code)).entity(MerchantView.of(m)).build();
    }

    @GET
    @Allowed(Role.ADMIN)
    public List<MerchantView> list() {
        return merchants.all().stream().map(MerchantView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Allowed({Role.ADMIN, Role.MARKETING, Role.INTEGRATOR, Role.QA})
    public MerchantView get(@PathParam("code") String code) {
        return MerchantView.of(tenancy.merchant(code));
    }

    @PUT
    @Path("/{code}")
    @Allowed(Role.ADMIN)
    public MerchantView update(@PathParam("code") String code, @Valid @NotNull MerchantRequest request) {
        return MerchantView.of(merchants.update(tenancy.merchant(code), request));
    }
}
