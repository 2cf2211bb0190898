package io.jifen.admin.ruleset;


import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Suite;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/merchants/{code}/rule-versions")
@Tag(name = "rule versions")
public class RuleVersionResource {
    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    static final String X_YAML = "application/x-yaml";

    @Inject
    Tenancy tenancy;

    @Inject
    RuleVersionService versions;

    @Inject
    RuleVersions resolver;

    @Inject
    RuleVersionFiles storedFiles;

    @Inject
    SuiteRuns suiteRuns;

    @Inject
    ProgramRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    public Response upload(@PathParam("code") String code, @Valid @NotNull RuleVersionModels.UploadRequest request) {
        Merchant m = tenancy.merchant(code);
        return uploaded(code, versions.upload(m, request.description(),
                request.ruleFiles()));
    }

    /** The same upload as multipart/form-data: one part per file, named by its filename; an optional description part. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allowed(Role.MARKETING)
    public Response uploadMultipart(@PathParam("code") String code, @RestForm("description") String description,
                                    @RestForm(FileUpload.ALL) List<FileUpload> parts) {
        Merchant m = tenancy.merchant(code);
        if (description != null && description.length() > 500) {
            throw ProblemException.invalidField("description", "size must be between 0 and 500");
        }
        if (description != null && description.indexOf('\0') >= 0) { // JSON bodies are checked by StrictJsonInput
            throw ProblemException.invalidField("description", "must not contain the NUL character (U+0000)");
        }
        List<RuleFile> files = RuleVersionService.decode(parts);
        return uploaded(code, versions.upload(m, description, files));
    }

    private Response uploaded(String code, RuleVersionService.Upload upload) {
        RuleVersionModels.VersionView view = versions.view(upload.version());
        // identical files: the existing version, 200 — nothing was created
        return (upload.created() ? Response.created(URI.create("/merchants/" + code + "/rule-versions/" + view.number()))
                : Response.ok()).entity(view).build();
    }

    @GET
    @Allowed({Role.MARKETING, Role.QA})
    public List<RuleVersionModels.VersionView> list(@PathParam("code") String code) {
        return versions.list(tenancy.merchant(code));
    }

    @GET
    @Path("/active")
    @Allowed({Role.MARKETING, Role.QA, Role.INTEGRATOR})
    public RuleVersionModels.VersionView active(@PathParam("code") String code) {
        Merchant m = tenancy.merchant(code);
        return versions.view(resolver.requireActive(m).version());
    }

    @GET
    @Path("/{number}")
    @Allowed({Role.MARKETING, Role.QA})
    public RuleVersionModels.VersionView get(@PathParam("code") String code, @PathParam("number") int number) {
        Merchant m = tenancy.merchant(code);
        return versions.view(RuleVersions.require(m, number));
    }

    @POST
    @Path("/{number}/activation")
    @Allowed(Role.MARKETING)
    @Operation(summary = "Activate a version now, or schedule it",
            description = "Body {at?, override?: {reason}}, optional. 200 activated now, 202 scheduled. Gated: every"
                    + " current stored suite runs on the version first (when the activation is made, scheduled ones"
                    + " included); if a scenario fails, 409 suite-gate listing the failing suites and scenarios, unless"
                    + " override.reason (1-500 characters) says why to release anyway, which is audited"
                    + " (rule-version.gate-overridden) and shown in the activation's suiteGate. Rollback is gated the"
                    + " same way: the override is the emergency path.")
    public Response activate(@PathParam("code") String code, @PathParam("number") int number,
                             @Valid RuleVersionModels.ActivationRequest request) {
        Merchant m = tenancy.merchant(code);
        Instant at = request == null ? null : request.at();
        Activation a = versions.activate(m, number, at, request == null ? null : request.overrideReason());
        return Response.status(at == null ? 200 : 202).entity(RuleVersionModels.ActivationView.of(a, number)).build();
    }

    @DELETE
    @Path("/{number}/activation")
    @Allowed(Role.MARKETING)
    public RuleVersionModels.CancellationView cancelActivation(@PathParam("code") String code,
                                                               @PathParam("number") int number) {
        return versions.cancelActivation(tenancy.merchant(code), number);
    }

    @GET
    @Path("/{number}/files")
    @Allowed({Role.MARKETING, Role.QA})
    public List<RuleVersionModels.StoredFileView> files(@PathParam("code") String code, @PathParam("number") int number) {
        return storedFiles.list(tenancy.merchant(code), number);
    }

    @GET
    @Path("/{number}/files/{name: .+}")
    @Allowed({Role.MARKETING, Role.QA})
    public Response file(@PathParam("code") String code, @PathParam("number") int number, @PathParam("name") String name) {
        RuleVersionFile f = storedFiles.named(tenancy.merchant(code), number, name);
        String baseName = name.substring(name.lastIndexOf('/') + 1);
        return Response.ok(f.content, RuleFiles.contentType(name))
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "\"")
                .header("ETag", "\"" + RuleFiles.sha256(f.content) + "\"")
                .build();
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Allowed({Role.MARKETING, Role.QA})
    public RuleVersionModels.DiffView diff(@PathParam("code") String code, @PathParam("from") int from,
                                           @PathParam("to") int to) {
        return storedFiles.diff(tenancy.merchant(code), from, to);
    }

    @GET
    @Path("/{from}/rule-diff/{to}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(summary = "Rules added, removed and changed from version a to b",
            description = "By rule name, on the rules as compiled (DSLR expanded, decision-table rows as generated DRL);"
                    + " a changed rule with both texts, phases and a unified diff.")
    public RuleVersionModels.RuleDiffView ruleDiff(@PathParam("code") String code, @PathParam("from") int from,
                                                   @PathParam("to") int to) {
        Merchant m = tenancy.merchant(code);
        RuleVersion a = RuleVersions.require(m, from);
        RuleVersion b = RuleVersions.require(m, to);
        return RuleDiff.between(from, to, registry.ruleTexts(a), registry.ruleTexts(b));
    }

    @POST
    @Path("/{number}/suite-runs")
    @Consumes({YAML, TEXT_YAML, X_YAML, MediaType.APPLICATION_JSON})
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @Allowed({Role.QA, Role.MARKETING})
    public Response runSuite(@PathParam("code") String code, @PathParam("number") int number, String body,
                             HttpHeaders headers) {
        Merchant m = tenancy.merchant(code);
        Suite suite = SuiteRuns.parse(body, isJson(headers.getMediaType()));
        SuiteRuns.SuiteRunResult result = suiteRuns.run(m, number, suite);
        if (wantsXml(headers)) {
            return Response.ok(result.report().toJUnitXml(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(result.view(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/{from}/comparisons/{to}")
    @Consumes({YAML, TEXT_YAML, X_YAML, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.QA, Role.MARKETING})
    public RuleVersionModels.ComparisonView compare(@PathParam("code") String code, @PathParam("from") int from,
                                                    @PathParam("to") int to, String body, HttpHeaders headers) {
        Merchant m = tenancy.merchant(code);
        Suite suite = SuiteRuns.parse(body, isJson(headers.getMediaType()));
        return suiteRuns.compare(m, from, to, suite);
    }


    private static boolean isJson(MediaType type) {
        return type != null && "json".equalsIgnoreCase(type.getSubtype());
    }

    /** XML only when asked for before (or instead of) JSON; a wildcard means JSON. */
    private static boolean wantsXml(HttpHeaders headers) {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isWildcardType() || t.isWildcardSubtype()) {
                return false;
            }
            if ("xml".equalsIgnoreCase(t.getSubtype())) {
                return true;
            }
            if ("json".equalsIgnoreCase(t.getSubtype())) {
                return false;
            }
        }
        return false;
    }
}
