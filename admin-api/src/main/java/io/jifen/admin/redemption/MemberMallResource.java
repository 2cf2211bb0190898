package io.jifen.admin.redemption;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.redemption.order.Orders;
import io.jifen.admin.redemption.order.RedemptionModels;
import io.jifen.admin.redemption.order.RedemptionService;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member in the mall: redeemable items at the member's price, quotes, redemptions and their orders. */
@Path("/merchants/{code}/members/{memberId}")
@Tag(name = "mall")
public class MemberMallResource {
    @Inject
    Tenancy tenancy;

    @Inject
    MemberMall mall;

    @Inject
    RedemptionService redemptions;

    @Inject
    Orders orders;

    @GET
    @Path("/mall/items")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public MallModels.RedeemableList redeemable(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                                @QueryParam("after") String after,
                                                @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = MemberMall.LIMIT) int limit) {
        return mall.redeemable(tenancy.merchant(code), memberId, after, limit);
    }

    @GET
    @Path("/mall/items/{sku}/quote")
    @Allowed({Role.INTEGRATOR, Role.QA, Role.MARKETING})
    public MallModels.QuoteView quote(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                      @PathParam("sku") String sku) {
        return mall.quote(tenancy.merchant(code), memberId, sku);
    }

    @POST
    @Path("/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    public Response redeem(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull RedemptionModels.RedemptionRequest request) {
        return redemptions.redeem(tenancy.merchant(code), memberId, request).toResponse();
    }

    @GET
    @Path("/redemptions")
    @Allowed({Role.INTEGRATOR, Role.QA})
    public RedemptionModels.OrderList orders(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                             @QueryParam("before") Long before,
                                             @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = 500, message = Inputs.LIMIT_500) int limit) {
        return orders.ofMember(tenancy.merchant(code), memberId, before, limit);
    }
}
