package io.jifen.admin.redemption;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.redemption.order.Orders;
import io.jifen.admin.redemption.order.RedemptionModels;
import io.jifen.admin.redemption.order.RedemptionService;
import io.jifen.admin.redemption.pricing.MallModels;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Operation(operationId = "listRedeemableItems", summary = "Items a member can redeem",
            description = "By sku, each at the member's price on the active rule version, a page at a time; `limit` at"
                    + " most 500 and at most jifen.mall.max-page (200 by default), as every item of a page is priced by the rules.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-evaluation-failed, no-active-rule-version")
    public Page<MallModels.RedeemableItem> redeemable(@PathParam("code") String code, @PathParam("memberId") String memberId,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return mall.redeemable(tenancy.merchant(code), memberId, limit, cursor);
    }

    @GET
    @Path("/mall/items/{sku}/quote")
    @Allowed({Role.INTEGRATOR, Role.QA, Role.MARKETING})
    @Operation(operationId = "quoteItem", summary = "Price an item for a member",
            description = "What the rules ask of this member for this item now: points, cash options, discounts and"
                    + " points back. Send the figures as expectedPoints/expectedCash when redeeming.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-evaluation-failed, no-active-rule-version, item-not-available")
    public MallModels.QuoteView quote(@PathParam("code") String code, @PathParam("memberId") String memberId,
                                      @PathParam("sku") String sku) {
        return mall.quote(tenancy.merchant(code), memberId, sku);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/redemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "redeemItem", summary = "Redeem an item",
            description = "Deducts the points (and records the cash part), creates the redemption order, and issues a"
                    + " code at once for virtual items. Idempotent by redemptionId.")
    @APIResponseSchema(value = RedemptionModels.OrderView.class, responseCode = "201", responseDescription = "Redeemed")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, insufficient-points, member-frozen, item-not-available, out-of-stock, out-of-codes, limit-reached, price-changed, rule-evaluation-failed, no-active-rule-version")
    public Response redeem(@PathParam("code") String code, @PathParam("memberId") String memberId,
                           @Valid @NotNull RedemptionModels.RedemptionRequest request) {
        return redemptions.redeem(tenancy.merchant(code), memberId, request).toResponse();
    }

    @GET
    @Path("/redemptions")
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "listMemberRedemptions", summary = "List a member's redemption orders",
            description = "Newest first, a page at a time.")
    public Page<RedemptionModels.OrderView> orders(@PathParam("code") String code, @PathParam("memberId") String memberId,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return orders.ofMember(tenancy.merchant(code), memberId, limit, cursor);
    }
}
