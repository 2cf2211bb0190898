package io.jifen.admin.redemption;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.redemption.order.Orders;
import io.jifen.admin.redemption.order.RedemptionModels;
import io.jifen.admin.redemption.order.RedemptionService;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One redemption order: its status, shipment and delivery of physical items, cancellation or return. */
@Path("/merchants/{code}/redemptions/{redemptionId}")
@Tag(name = "mall")
public class RedemptionResource {
    @Inject
    Tenancy tenancy;

    @Inject
    RedemptionService redemptions;

    @Inject
    Orders orders;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getRedemption", summary = "Read a redemption order",
            description = "Its status, item, payment, code or shipment.")
    public RedemptionModels.OrderView get(@PathParam("code") String code, @PathParam("redemptionId") String redemptionId) {
        return orders.byRedemptionId(tenancy.merchant(code), redemptionId);
    }

    @POST
    @Path("/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "shipRedemption", summary = "Record a physical item's shipment",
            description = "Carrier and tracking number; the order becomes SHIPPED.")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-status")
    public RedemptionModels.OrderView ship(@PathParam("code") String code, @PathParam("redemptionId") String redemptionId,
                                           @Valid @NotNull RedemptionModels.Shipment shipment) {
        return redemptions.ship(tenancy.merchant(code), redemptionId, shipment);
    }

    @POST
    @Path("/delivery")
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "deliverRedemption", summary = "Record a shipped item's delivery",
            description = "The order becomes DELIVERED.")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-status")
    public RedemptionModels.OrderView deliver(@PathParam("code") String code, @PathParam("redemptionId") String redemptionId) {
        return redemptions.deliver(tenancy.merchant(code), redemptionId);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "cancelRedemption", summary = "Cancel or return a redemption",
            description = "The points go back to the member; the unit back to stock. Idempotent by cancellationId.")
    @APIResponseSchema(value = RedemptionModels.OrderView.class, responseCode = "201", responseDescription = "Cancelled")
    @Extension(name = ProblemResponses.EXTENSION, value = "transaction-id-reused, already-cancelled, not-cancellable, invalid-status")
    public Response cancel(@PathParam("code") String code, @PathParam("redemptionId") String redemptionId,
                           @Valid @NotNull RedemptionModels.Cancellation cancellation) {
        return redemptions.cancel(tenancy.merchant(code), redemptionId, cancellation).toResponse();
    }

}
