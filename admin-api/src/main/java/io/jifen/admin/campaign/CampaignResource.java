package io.jifen.admin.campaign;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/campaigns")
@Tag(name = "campaigns")
@Allowed({Role.MARKETING, Role.QA})
public class CampaignResource {
    static final String CSV = "text/csv";

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignViews views;

    @Inject
    Tenancy tenancy;

    @POST
    @Allowed(Role.MARKETING)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCampaign", summary = "Define a campaign",
            description = "A window (merchant-local), an audience, budgets and mall items for the rules that name the"
                    + " campaign (docs/campaigns.md).")
    @APIResponseSchema(value = CampaignModels.CampaignView.class, responseCode = "201",
            responseDescription = "Defined, with its status and counters")
    @Extension(name = ProblemResponses.EXTENSION, value = "campaign-exists")
    public Response create(@PathParam("code") String code, @Valid @NotNull CampaignModels.CampaignRequest request) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(views.view(m, campaigns.create(m, request))).build();
    }

    @GET
    @Operation(operationId = "listCampaigns", summary = "List the campaigns",
            description = "The merchant's campaigns in the order they were defined, each with its status and counters.")
    public Page<CampaignModels.CampaignView> list(@PathParam("code") String code, @QueryParam("limit")
            @DefaultValue(Page.LIMIT_DEFAULT) @Min(value = 1, message = Inputs.LIMIT_500)
            @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit, @QueryParam("cursor") String cursor) {
        return views.page(tenancy.merchant(code), limit, cursor);
    }

    @GET
    @Path("/{campaign}")
    @Operation(operationId = "getCampaign", summary = "Get a campaign",
            description = "Its definition, status (SCHEDULED, RUNNING, EXHAUSTED, ENDED) and counters.")
    public CampaignModels.CampaignView get(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return views.one(tenancy.merchant(code), campaign);
    }

    @PUT
    @Path("/{campaign}")
    @Allowed(Role.MARKETING)
    @Operation(operationId = "replaceCampaign", summary = "Replace a campaign's definition",
            description = "Same body as the definition; the code cannot change and the counters stay. A total budget"
                    + " may not go below what the campaign has awarded.")
    public CampaignModels.CampaignView replace(@PathParam("code") String code, @PathParam("campaign") String campaign,
                                               @Valid @NotNull CampaignModels.CampaignRequest request) {
        Merchant m = tenancy.merchant(code);
        return views.view(m, campaigns.replace(m, campaign, request));
    }

    @GET
    @Path("/{campaign}/metrics")
    @Operation(operationId = "getCampaignMetrics", summary = "Get a campaign's metrics",
            description = "Participants, points awarded, budget used and left, postings, redemptions of its items, and"
                    + " the same per merchant-local day; from counters postings keep, never a scan of the ledger.")
    public CampaignModels.Metrics metrics(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return views.metrics(tenancy.merchant(code), campaign);
    }

    @GET
    @Path("/{campaign}/metrics.csv")
    @Produces(CSV)
    @Operation(operationId = "exportCampaignMetrics", summary = "Export a campaign's days as CSV",
            description = "One row per merchant-local day the campaign awarded on: day, awarded, postings, new_participants.")
    @APIResponse(responseCode = "200", description = "The days",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response metricsCsv(@PathParam("code") String code, @PathParam("campaign") String campaign) {
        return Response.ok(views.metricsCsv(tenancy.merchant(code), campaign))
                .header("Content-Disposition", "attachment; filename=\"campaign-" + campaign + ".csv\"").build();
    }
}
