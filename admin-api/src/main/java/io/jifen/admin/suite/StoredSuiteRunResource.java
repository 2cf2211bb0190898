package io.jifen.admin.suite;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's stored suites run on a version, or compared between two versions. */
@Path("/merchants/{code}/rule-versions")
@Tag(name = "stored suites")
@Produces(MediaType.APPLICATION_JSON)
public class StoredSuiteRunResource {
    @Inject
    Tenancy tenancy;

    @Inject
    StoredSuiteRuns runs;

    @POST
    @Path("/{number}/stored-suite-runs")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "runStoredSuites", summary = "Run every current stored suite on a version",
            description = "No body. 200 whether scenarios pass or fail: counts of suites, scenarios, passed and failed,"
                    + " and per suite (name, the revision that ran) each scenario's verdict, differences and what the"
                    + " version produced. The same run gates activations. Nothing is written.")
    @Extension(name = ProblemResponses.EXTENSION, value = "compiler-busy, rule-set-too-slow, invalid-suite")
    public SuiteModels.StoredRunView run(@PathParam("code") String code, @PathParam("number") int number) {
        return runs.run(tenancy.merchant(code), number);
    }

    @POST
    @Path("/{from}/stored-comparisons/{to}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "compareVersionsOnStoredSuites", summary = "Compare two versions on every current stored suite",
            description = "No body. 200: per suite, the scenarios whose result changes from version `from` to `to`,"
                    + " change by change with both observations; expectations are not consulted. Nothing is written.")
    @Extension(name = ProblemResponses.EXTENSION, value = "compiler-busy, rule-set-too-slow, invalid-suite")
    public SuiteModels.StoredComparisonView compare(@PathParam("code") String code, @PathParam("from") int from,
                                                    @PathParam("to") int to) {
        return runs.compare(tenancy.merchant(code), from, to);
    }
}
