package io.jifen.admin.suite;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.ruleset.DraftCompiler;
import io.jifen.admin.ruleset.RuleVersionModels;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stored suites run on a draft not saved yet: an editor tests before it saves. */
@Path("/merchants/{code}/draft-suite-runs")
@Tag(name = "stored suites")
public class DraftSuiteRunResource {
    @Inject
    Tenancy tenancy;

    @Inject
    DraftCompiler drafts;

    @Inject
    StoredSuiteRuns runs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "runStoredSuitesOnDraft", summary = "Run every current stored suite on draft rule files, storing nothing",
            description = "The files as in a JSON upload. The answer of …/stored-suite-runs with `version` null (the"
                    + " draft) and the draft's content hash. 422 rule-set-rejected with every diagnostic when the draft"
                    + " does not compile; 503 compiler-busy as a draft compile.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-set-rejected, compiler-busy, rule-set-too-slow, invalid-suite")
    public SuiteModels.StoredRunView run(@PathParam("code") String code,
                                         @Valid @NotNull RuleVersionModels.CompilationRequest request) {
        var merchant = tenancy.merchant(code);
        return runs.runOnDraft(merchant, drafts.program(request.ruleFiles()));
    }
}
