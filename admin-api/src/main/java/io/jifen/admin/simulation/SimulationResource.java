package io.jifen.admin.simulation;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Impact simulations: replay a merchant's history on a candidate version (docs/simulation.md). */
@Path("/merchants/{code}/simulations")
@Tag(name = "simulations")
public class SimulationResource {
    static final String CSV = "text/csv";

    @Inject
    Tenancy tenancy;

    @Inject
    Simulations simulations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "startSimulation", summary = "Start a simulation: replay the window's purchases and events on a candidate version",
            description = "202 with the run (QUEUED) and its Location. One run at a time per merchant: 409"
                    + " simulation-in-progress while another is QUEUED or RUNNING. 422 naming the field for an unknown"
                    + " version, a window that is empty or too long, or a baseline version with POSTED.")
    @APIResponseSchema(value = SimulationModels.RunView.class, responseCode = "202",
            responseDescription = "Queued; Location names the run")
    @Extension(name = ProblemResponses.EXTENSION, value = "simulation-in-progress")
    public Response start(@PathParam("code") String code, @Valid @NotNull SimulationModels.StartRequest request) {
        Merchant merchant = tenancy.merchant(code);
        SimulationModels.RunView run = simulations.start(merchant, request);
        return Response.accepted(run).location(URI.create(run.links().self())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listSimulations", summary = "The merchant's simulation runs, newest first, without their reports",
            description = "A page at a time; getSimulation gives one run with its report.")
    public Page<SimulationModels.RunView> list(@PathParam("code") String code,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return simulations.list(tenancy.merchant(code), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "getSimulation", description = "Poll it until its status is final.",
            summary = "A simulation run: status, progress (processed, total, rate, time left) and, once it"
            + " SUCCEEDED, its report")
    public SimulationModels.RunView get(@PathParam("code") String code, @PathParam("id") long id) {
        return simulations.get(tenancy.merchant(code), id);
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces(CSV)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "downloadSimulationReport", summary = "A finished run's report as CSV (one row per figure, by section)",
            description = "409 report-not-available unless the run SUCCEEDED.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @Extension(name = ProblemResponses.EXTENSION, value = "report-not-available")
    public Response csv(@PathParam("code") String code, @PathParam("id") long id) {
        String body = ReportCsv.write(simulations.report(tenancy.merchant(code), id));
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"simulation-" + id + ".csv\"").build();
    }

    @POST
    @Path("/{id}/cancellation")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "cancelSimulation", summary = "Cancel a run",
            description = "A QUEUED run is CANCELLED at once (200); a RUNNING one stops at its next transaction"
                    + " (202, poll the run). 409 simulation-finished for a run that has finished.")
    @APIResponseSchema(value = SimulationModels.RunView.class, responseCode = "200",
            responseDescription = "A QUEUED run, CANCELLED now")
    @APIResponse(responseCode = "202", description = "A RUNNING run, stopping at its next transaction",
            content = @Content(schema = @Schema(implementation = SimulationModels.RunView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "simulation-finished")
    public Response cancel(@PathParam("code") String code, @PathParam("id") long id) {
        SimulationModels.RunView run = simulations.cancel(tenancy.merchant(code), id);
        return Response.status(run.status() == RunStatus.CANCELLED ? 200 : 202).entity(run).build();
    }
}
