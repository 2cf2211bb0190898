package io.jifen.admin.webhook;


import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/merchants/{code}/webhooks")
@Tag(name = "webhooks")
@Allowed(Role.MARKETING)
public class WebhookResource {
    @Inject
    WebhookService webhooks;

    @Inject
    Tenancy tenancy;

    @POST
    public Response create(@PathParam("code") String code, @Valid @NotNull WebhookModels.WebhookRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(WebhookModels.CreatedWebhookView.of(webhooks.create(m.id, request))).build();
    }

    @GET
    public List<WebhookModels.WebhookView> list(@PathParam("code") String code) {
        return webhooks.webhooksOf(tenancy.merchant(code).id).stream().map(WebhookModels.WebhookView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    public Response disable(@PathParam("code") String code, @PathParam("id") String id) {
        webhooks.disable(tenancy.merchant(code).id, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public List<WebhookModels.DeliveryView> deliveries(@PathParam("code") String code, @PathParam("id") String id,
                                                       @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = 500, message = Inputs.LIMIT_500) int limit) {
        return webhooks.deliveries(tenancy.merchant(code).id, id, limit).stream()
                .map(r -> WebhookModels.DeliveryView.of(r.delivery(), r.eventType(), r.webhookDisabled())).toList();
    }
}
