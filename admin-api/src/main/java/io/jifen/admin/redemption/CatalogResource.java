package io.jifen.admin.redemption;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.redemption.catalog.CatalogModels;
import io.jifen.admin.redemption.catalog.CatalogService;
import io.jifen.admin.redemption.order.Orders;
import io.jifen.admin.redemption.order.RedemptionModels;
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

/** The mall's catalog: MARKETING edits it; INTEGRATOR and QA read it. */
@Path("/merchants/{code}/mall/items")
@Tag(name = "mall")
public class CatalogResource {
    @Inject
    Tenancy tenancy;

    @Inject
    CatalogService catalog;

    @Inject
    Orders orders;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "createMallItem", summary = "Add an item to the mall",
            description = "Physical, virtual, service, coupon or lottery item with its points price (and cash part),"
                    + " stock, availability window and tiers.")
    @APIResponseSchema(value = CatalogModels.ItemView.class, responseCode = "201", responseDescription = "Created")
    @Extension(name = ProblemResponses.EXTENSION, value = "item-exists")
    public Response create(@PathParam("code") String code, @Valid @NotNull CatalogModels.ItemRequest request) {
        CatalogModels.ItemView item = catalog.create(tenancy.merchant(code), request);
        return Response.created(URI.create("/merchants/" + code + "/mall/items/" + item.sku())).entity(item).build();
    }

    @GET
    @Allowed({Role.MARKETING, Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "listMallItems", summary = "List the mall's items",
            description = "By sku, a page at a time, with their stock.")
    public Page<CatalogModels.ItemView> list(@PathParam("code") String code,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return catalog.list(tenancy.merchant(code), limit, cursor);
    }

    @GET
    @Path("/{sku}")
    @Allowed({Role.MARKETING, Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getMallItem", summary = "Read a mall item", description = "The item with its stock.")
    public CatalogModels.ItemView get(@PathParam("code") String code, @PathParam("sku") String sku) {
        return catalog.get(tenancy.merchant(code), sku);
    }

    @PUT
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "updateMallItem", summary = "Change a mall item",
            description = "Every field but the sku and the stock (see changeStock).")
    public CatalogModels.ItemView update(@PathParam("code") String code, @PathParam("sku") String sku,
                                         @Valid @NotNull CatalogModels.ItemRequest request) {
        return catalog.update(tenancy.merchant(code), sku, request);
    }

    @POST
    @Path("/{sku}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "changeStock", summary = "Change an item's stock",
            description = "Adds (or with a negative change removes) units.")
    @Extension(name = ProblemResponses.EXTENSION, value = "insufficient-stock, stock-unlimited")
    public CatalogModels.StockView stock(@PathParam("code") String code, @PathParam("sku") String sku,
                                         @Valid @NotNull CatalogModels.StockChange request) {
        return catalog.changeStock(tenancy.merchant(code), sku, request);
    }

    @POST
    @Path("/{sku}/prizes/{prizeId}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "changePrizeStock", summary = "Change a lottery prize's stock",
            description = "Adds (or with a negative change removes) units of one prize.")
    @Extension(name = ProblemResponses.EXTENSION, value = "insufficient-stock, stock-unlimited")
    public CatalogModels.PrizeStockView prizeStock(@PathParam("code") String code, @PathParam("sku") String sku,
                                                   @PathParam("prizeId") long prizeId,
                                                   @Valid @NotNull CatalogModels.StockChange request) {
        return catalog.changePrizeStock(tenancy.merchant(code), sku, prizeId, request);
    }

    /** Codes as JSON: {@code {"codes": [...]}} or {@code {"generate": 100}}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{sku}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "addCodes", summary = "Add codes to an item's pool",
            description = "JSON: {codes: [...]} or {generate: n}. The same endpoint also reads a CSV file (text/csv,"
                    + " one code per line, an optional `code` header line).")
    @APIResponseSchema(value = CatalogModels.CodesResult.class, responseCode = "201", responseDescription = "Added")
    @Extension(name = ProblemResponses.EXTENSION, value = "no-code-pool")
    public Response codes(@PathParam("code") String code, @PathParam("sku") String sku,
                          @Valid @NotNull CatalogModels.CodesRequest request) {
        if ((request.codes() == null) == (request.generate() == null)) {
            throw ProblemException.invalidField("codes", "give either codes or generate");
        }
        Merchant m = tenancy.merchant(code);
        return Response.status(201).entity(catalog.addCodes(m, sku, request.codes(), request.generate())).build();
    }

    /** Codes as a CSV file: one code per line (first column), an optional `code` header line. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{sku}/codes")
    @Consumes("text/csv")
    @Allowed(Role.MARKETING)
    @Operation(hidden = true)
    public Response codesCsv(@PathParam("code") String code, @PathParam("sku") String sku, String csv) {
        Merchant m = tenancy.merchant(code);
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .entity(catalog.addCodes(m, sku, CatalogService.csvCodes(csv == null ? "" : csv), null)).build();
    }

    /** The lottery item's draws, newest first, with what each was drawn against: the audit trail. */
    @GET
    @Path("/{sku}/draws")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listDraws", summary = "List a lottery item's draws",
            description = "Newest first, a page at a time, with the odds each was drawn against: the audit trail.")
    public Page<RedemptionModels.DrawAudit> draws(@PathParam("code") String code, @PathParam("sku") String sku,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return orders.draws(tenancy.merchant(code), sku, limit, cursor);
    }
}
