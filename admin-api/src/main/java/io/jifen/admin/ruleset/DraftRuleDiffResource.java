package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A draft not saved yet compared rule by rule with a stored version: what an editor's "compare with live" shows. */
@Path("/merchants/{code}/draft-rule-diffs")
@Tag(name = "rule versions")
public class DraftRuleDiffResource {
    @Inject
    Tenancy tenancy;

    @Inject
    RuleVersions versions;

    @Inject
    DraftCompiler drafts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "diffDraftRules", summary = "Compare draft rule files with a stored version, rule by rule, storing nothing",
            description = "The files as in a JSON upload; `against` the version to compare with (the live one when"
                    + " absent). The answer of GET …/rule-diff with `to` null (the draft). 422 rule-set-rejected when the"
                    + " draft's rules cannot be read; 409 no-active-rule-version without `against` and a live version.")
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-set-rejected, no-active-rule-version, compiler-busy, rule-set-too-slow")
    public RuleVersionModels.RuleDiffView diff(@PathParam("code") String code, @QueryParam("against") Integer against,
                                               @Valid @NotNull RuleVersionModels.CompilationRequest request) {
        Merchant m = tenancy.merchant(code);
        RuleVersion base = against == null ? versions.requireActive(m).version() : RuleVersions.require(m, against);
        return drafts.ruleDiff(base, request.ruleFiles());
    }
}
