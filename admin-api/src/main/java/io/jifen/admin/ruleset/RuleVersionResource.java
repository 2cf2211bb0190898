package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.scenario.Suite;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "uploadRuleVersion", summary = "Upload rule files as a new version",
            description = "JSON: text files as they are, spreadsheets base64-encoded. The files are compiled and checked"
                    + " first: any problem refuses the whole upload (422 rule-set-rejected with every diagnostic),"
                    + " nothing stored. Files identical to an existing version's answer that version (200). For"
                    + " multipart/form-data, see uploadRuleVersionFiles.")
    @APIResponseSchema(value = RuleVersionModels.VersionView.class, responseCode = "201",
            responseDescription = "Stored as a new DRAFT version; Location names it")
    @APIResponse(responseCode = "200", description = "The files are those of an existing version: that version",
            content = @Content(schema = @Schema(implementation = RuleVersionModels.VersionView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-set-rejected, rule-set-too-slow, compiler-busy")
    public Response upload(@PathParam("code") String code, @Valid @NotNull RuleVersionModels.UploadRequest request) {
        Merchant m = tenancy.merchant(code);
        return uploaded(code, versions.upload(m, request.description(),
                request.ruleFiles()));
    }

    /**
     * The upload as multipart/form-data: one part per file, any part name, named by its filename; an
     * optional description part. Kept for clients written before the named form below; it is left out of
     * the OpenAPI document, where one operation cannot take two body types that generators tell apart.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allowed(Role.MARKETING)
    @Operation(hidden = true)
    public Response uploadMultipart(@PathParam("code") String code, @RestForm("description") String description,
                                    @RestForm(FileUpload.ALL) List<FileUpload> parts) {
        return uploadParts(code, description, parts);
    }

    /** The upload as multipart/form-data with the files in parts named {@code files}, each named by its filename. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/multipart")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Allowed(Role.MARKETING)
    @Operation(operationId = "uploadRuleVersionFiles", summary = "Upload rule files as a new version (multipart)",
            description = "The upload as multipart/form-data: one `files` part per rule file, named by its filename"
                    + " (DRL, DSLR, XLSX, XLS, CSV decision tables), and an optional `description` part. Answers as"
                    + " the JSON upload does.")
    @APIResponseSchema(value = RuleVersionModels.VersionView.class, responseCode = "201",
            responseDescription = "Stored as a new DRAFT version; Location names it")
    @APIResponse(responseCode = "200", description = "The files are those of an existing version: that version",
            content = @Content(schema = @Schema(implementation = RuleVersionModels.VersionView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "rule-set-rejected, rule-set-too-slow, compiler-busy")
    public Response uploadFiles(@PathParam("code") String code, @RestForm("description") String description,
                                @RestForm("files") List<FileUpload> files) {
        return uploadParts(code, description, files);
    }

    private Response uploadParts(String code, String description, List<FileUpload> parts) {
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
    @Operation(operationId = "listRuleVersions", summary = "List the rule versions",
            description = "The versions by number, with their status (DRAFT, SCHEDULED, ACTIVE, INACTIVE), content hash and files.")
    public Page<RuleVersionModels.VersionView> list(@PathParam("code") String code, @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return versions.list(tenancy.merchant(code), limit, cursor);
    }

    @GET
    @Path("/active")
    @Allowed({Role.MARKETING, Role.QA, Role.INTEGRATOR})
    @Operation(operationId = "getActiveRuleVersion", summary = "Read the live rule version",
            description = "The version purchases and events are evaluated on now.")
    @Extension(name = ProblemResponses.EXTENSION, value = "no-active-rule-version")
    public RuleVersionModels.VersionView active(@PathParam("code") String code) {
        Merchant m = tenancy.merchant(code);
        return versions.view(resolver.requireActive(m).version());
    }

    @GET
    @Path("/{number}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "getRuleVersion", summary = "Read a rule version",
            description = "Its status, content hash, description and files.")
    public RuleVersionModels.VersionView get(@PathParam("code") String code, @PathParam("number") int number) {
        Merchant m = tenancy.merchant(code);
        return versions.view(RuleVersions.require(m, number));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{number}/activation")
    @Allowed(Role.MARKETING)
    @Operation(operationId = "activateRuleVersion", summary = "Activate a version now, or schedule it",
            description = "Body {at?, override?: {reason}}, optional. 200 activated now, 202 scheduled. Gated: every"
                    + " current stored suite runs on the version first (when the activation is made, scheduled ones"
                    + " included); if a scenario fails, 409 suite-gate listing the failing suites and scenarios, unless"
                    + " override.reason (1-500 characters) says why to release anyway, which is audited"
                    + " (rule-version.gate-overridden) and shown in the activation's suiteGate. Rollback is gated the"
                    + " same way: the override is the emergency path.")
    @APIResponseSchema(value = RuleVersionModels.ActivationView.class, responseCode = "200",
            responseDescription = "Activated now")
    @APIResponse(responseCode = "202", description = "Scheduled for `at`",
            content = @Content(schema = @Schema(implementation = RuleVersionModels.ActivationView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "suite-gate, compiler-busy, rule-set-too-slow")
    public Response activate(@PathParam("code") String code, @PathParam("number") int number,
                             @RequestBody(required = false) @Valid RuleVersionModels.ActivationRequest request) {
        Merchant m = tenancy.merchant(code);
        Instant at = request == null ? null : request.at();
        Activation a = versions.activate(m, number, at, request == null ? null : request.overrideReason());
        return Response.status(at == null ? 200 : 202).entity(RuleVersionModels.ActivationView.of(a, number)).build();
    }

    @DELETE
    @Path("/{number}/activation")
    @Allowed(Role.MARKETING)
    @Operation(operationId = "cancelActivation", summary = "Cancel a scheduled activation",
            description = "The version's pending activations are cancelled; one already in effect cannot be.")
    @Extension(name = ProblemResponses.EXTENSION, value = "activation-in-effect, no-pending-activation")
    public RuleVersionModels.CancellationView cancelActivation(@PathParam("code") String code,
                                                               @PathParam("number") int number) {
        return versions.cancelActivation(tenancy.merchant(code), number);
    }

    @GET
    @Path("/{number}/files")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listRuleVersionFiles", summary = "List a version's files",
            description = "By name, a page at a time: name, size, content type and SHA-256 of each file.")
    public Page<RuleVersionModels.StoredFileView> files(@PathParam("code") String code, @PathParam("number") int number,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return storedFiles.list(tenancy.merchant(code), number, limit, cursor);
    }

    @GET
    @Path("/{number}/files/{name: .+}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "downloadRuleVersionFile", summary = "Download one file of a version",
            description = "The file's bytes as stored, in its own type (text for DRL, DSLR and CSV, a spreadsheet type"
                    + " for XLSX and XLS), with an ETag of its SHA-256. `name` may hold folders (promo/spring.drl).")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = RuleFiles.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = RuleFiles.XLS, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
    @Operation(operationId = "diffRuleVersionFiles", summary = "Compare two versions file by file",
            description = "Files added, removed and changed from version `from` to `to`, with text diffs.")
    public RuleVersionModels.DiffView diff(@PathParam("code") String code, @PathParam("from") int from,
                                           @PathParam("to") int to) {
        return storedFiles.diff(tenancy.merchant(code), from, to);
    }

    @GET
    @Path("/{from}/rule-diff/{to}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "diffRuleVersionRules", summary = "Rules added, removed and changed from version a to b",
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
    @Operation(operationId = "runSuiteOnVersion", summary = "Run a regression suite on a version",
            description = "The suite as YAML (or JSON) in the body. 200 whether scenarios pass or fail; the JUnit XML"
                    + " report when application/xml is accepted before JSON. Nothing is written.")
    @APIResponse(responseCode = "200", description = "The run", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleVersionModels.SuiteRunView.class)),
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING))})
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-suite, compiler-busy, rule-set-too-slow")
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
    @Operation(operationId = "compareVersionsOnSuite", summary = "Compare two versions on a regression suite",
            description = "The suite as YAML (or JSON) in the body: the scenarios whose result changes from `from` to"
                    + " `to`. Nothing is written.")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-suite, compiler-busy, rule-set-too-slow")
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
