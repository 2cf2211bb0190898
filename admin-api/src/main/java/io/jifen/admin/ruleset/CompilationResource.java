package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
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

/** Live compile of a draft: what an editor calls as the author types. */
@Path("/merchants/{code}/compilations")
@Tag(name = "rule versions")
public class CompilationResource {
    @Inject
    Tenancy tenancy;

    @Inject
    DraftCompiler compiler;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "compileDraft", summary = "Compile draft rule files without storing anything",
            description = "The files as in a JSON upload. 200 whether or not they compile: ok, every diagnostic at the"
                    + " line (or spreadsheet row) the author wrote, and the rules read. 503 compiler-busy with"
                    + " Retry-After when every compile slot is taken.")
    @Extension(name = ProblemResponses.EXTENSION, value = "compiler-busy")
    public RuleVersionModels.CompilationView compile(@PathParam("code") String code,
                                                     @Valid @NotNull RuleVersionModels.CompilationRequest request) {
        tenancy.merchant(code);
        return compiler.compile(request.ruleFiles());
    }
}
