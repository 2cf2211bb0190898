package io.jifen.admin.campaign;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/merchants/{code}/campaigns")
@Tag(name = "campaigns")
@Allowed({Role.MARKETING, Role.QA})
public class CampaignResource {
    @Inject
    CampaignService campaigns;

    @Inject
    CampaignViews views;

    @Inject
    Tenancy tenancy;

    @POST
    @Allowed(Role.MARKETING)
    @Operation(summary = "Define a campaign: window, audience, budgets and mall items")
    public Response create(@PathParam("code") String code, @Valid @NotNull CampaignModels.CampaignRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(views.view(m, campaigns.create(m, request))).build();
    }

    @GET
    @Operation(summary = "List the merchant's campaigns with their status and counters")
    public List<CampaignModels.CampaignView> list(@PathParam("code") String code) {
        return views.all(tenancy.merchant(code));
    }

    @GET
    @Path("/{campaign}")
    @Operation(summary = "A campaign with its status and counters")
    public CampaignModels.CampaignView get(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return views.one(tenancy.merchant(code), campaign);
    }

    @PUT
    @Path("/{campaign}")
    @Allowed(Role.MARKETING)
    @Operation(summary = "Replace a campaign's definition (its counters stay)")
    public CampaignModels.CampaignView replace(@PathParam("code") String code, @PathParam("campaign") String campaign,
                                               @Valid @NotNull CampaignModels.CampaignRequest request) {
        Merchant m = tenancy.merchant(code);
        return views.view(m, campaigns.replace(m, campaign, request));
    }

    @GET
    @Path("/{campaign}/metrics")
    @Operation(summary = "A campaign's metrics: participants, points, budget, redemptions of its items, per day")
    public CampaignModels.Metrics metrics(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return views.metrics(tenancy.merchant(code), campaign);
    }

    @GET
    @Path("/{campaign}/metrics.csv")
    @Produces("text/csv")
    @Operation(summary = "A campaign's metrics per day as CSV")
    public Response metricsCsv(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return Response.ok(views.metricsCsv(tenancy.merchant(code), campaign))
                .header("Content-Disposition", "attachment; filename=\"campaign-" + campaign + ".csv\"").build();
    }
}
