package io.jifen.admin.webhook;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/merchants/{code}/webhooks")
@Tag(name = "webhooks")
@Allowed(Role.MARKETING)
public class WebhookResource {
    @Inject
    WebhookService webhooks;

    @Inject
    Tenancy tenancy;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a webhook",
            description = "Events of the given types (all when absent, or [\"*\"]) are delivered to the URL, signed in"
                    + " the Jifen-Signature header with the secret the answer shows this once.")
    @APIResponseSchema(value = WebhookModels.CreatedWebhookView.class, responseCode = "201",
            responseDescription = "Subscribed, with its signing secret")
    public Response create(@PathParam("code") String code, @Valid @NotNull WebhookModels.WebhookRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(WebhookModels.CreatedWebhookView.of(webhooks.create(m.id, request))).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the webhooks",
            description = "The subscriptions without their secrets, oldest first, disabled ones included.")
    public Page<WebhookModels.WebhookView> list(@PathParam("code") String code, @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.webhooksOf(tenancy.merchant(code).id, limit, cursor).map(WebhookModels.WebhookView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "disableWebhook", summary = "Disable a webhook",
            description = "No further deliveries; pending ones are cancelled.")
    @APIResponse(responseCode = "204", description = "Disabled")
    public Response disable(@PathParam("code") String code, @PathParam("id") String id) {
        webhooks.disable(tenancy.merchant(code).id, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook's deliveries",
            description = "Newest first, a page at a time: each delivery's event, attempts, and how it ended or when it"
                    + " is tried next.")
    public Page<WebhookModels.DeliveryView> deliveries(@PathParam("code") String code, @PathParam("id") String id,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(tenancy.merchant(code).id, id, limit, cursor)
                .map(r -> WebhookModels.DeliveryView.of(r.delivery(), r.eventType(), r.webhookDisabled()));
    }
}
