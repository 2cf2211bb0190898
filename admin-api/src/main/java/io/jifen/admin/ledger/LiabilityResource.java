package io.jifen.admin.ledger;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;

/**
 * The points liability report for finance ({@link Liability}): the merchant's ADMIN and MARKETING keys
 * (those that set the point value it is priced at); INTEGRATOR and QA keys get 403.
 */
@Path("/merchants/{code}")
@Tag(name = "ledger")
public class LiabilityResource {
    static final String CSV = "text/csv";

    @Inject
    Tenancy tenancy;

    @Inject
    Liability liability;

    @GET
    @Path("/liability")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.ADMIN, Role.MARKETING})
    @Operation(operationId = "getLiabilityReport", summary = "Get the points liability report",
            description = "Outstanding points and their value, expiry by month, a daily accounting that reconciles with the"
                    + " ledger, and breakage. `from` and `to` are merchant-local dates (default: the 30 days up to today);"
                    + " at most 366 days, `to` not after today, else 400 invalid-parameter.")
    public LiabilityModels.Report report(@PathParam("code") String code, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        return liability.report(tenancy.merchant(code), from, to);
    }

    @GET
    @Path("/liability.csv")
    @Produces(CSV)
    @Allowed({Role.ADMIN, Role.MARKETING})
    @Operation(operationId = "exportLiabilityReport", summary = "Export the points liability report as CSV",
            description = "One table, rows by section; the same parameters and figures as GET /merchants/{code}/liability.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        LiabilityModels.Report report = liability.report(tenancy.merchant(code), from, to);
        return Response.ok(LiabilityCsv.write(report).getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"liability-" + code + "-" + report.from() + "-"
                        + report.to() + ".csv\"").build();
    }
}
