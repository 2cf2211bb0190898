package io.jifen.admin.suite;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** A merchant's stored regression suites: stored by name as YAML, revised, read back, retired. */
@Path("/merchants/{code}/suites")
@Tag(name = "stored suites")
@Produces(MediaType.APPLICATION_JSON)
public class StoredSuiteResource {
    static final String YAML = "application/yaml";
    static final String TEXT_YAML = "text/yaml";
    static final String X_YAML = "application/x-yaml";

    @Inject
    Tenancy tenancy;

    @Inject
    StoredSuites suites;

    @GET
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listStoredSuites", summary = "The merchant's current stored suites",
            description = "By name, a page at a time: current revision, the suite's own name, scenario count, when and by which key the"
                    + " revision was stored. ?retired=true adds the retired suites (retiredAt set).")
    public Page<SuiteModels.SuiteView> list(@PathParam("code") String code,
            @QueryParam("retired") @DefaultValue("false") boolean retired,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return suites.list(tenancy.merchant(code), retired, limit, cursor);
    }

    @PUT
    @Path("/{name}")
    @Consumes({YAML, TEXT_YAML, X_YAML, MediaType.TEXT_PLAIN})
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "storeSuite", summary = "Store a suite (YAML text as the body)",
            description = "201 when the name is new (revision 1); 200 with a new revision when the text differs from the"
                    + " current one or the suite was retired (it is revived); 200 with the current revision, nothing"
                    + " stored, when the text is the same. ?message= a change note (at most 500 characters). A text that"
                    + " cannot be read, or a scenario that cannot run, is refused with 422 invalid-suite whose errors give"
                    + " each problem's line; a name that is not a slug with 422 invalid-request; above 1 MiB with 413.")
    @APIResponseSchema(value = SuiteModels.SuiteView.class, responseCode = "201",
            responseDescription = "Stored under a new name: revision 1")
    @APIResponse(responseCode = "200", description = "Stored as a new revision, revived, or unchanged",
            content = @Content(schema = @Schema(implementation = SuiteModels.SuiteView.class)))
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-suite, compiler-busy, rule-set-too-slow, no-active-rule-version")
    public Response store(@PathParam("code") String code, @PathParam("name") String name,
                          @QueryParam("message") String message, String body) {
        Merchant m = tenancy.merchant(code);
        StoredSuites.Stored stored = suites.store(m, name, body, message);
        SuiteModels.SuiteView view = suites.view(stored.suite(), false);
        return (stored.outcome() == StoredSuites.Outcome.CREATED
                ? Response.created(URI.create("/merchants/" + code + "/suites/" + name)) : Response.ok())
                .entity(view).build();
    }

    @GET
    @Path("/{name}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "getStoredSuite", summary = "One stored suite at its current revision, with its YAML text",
            description = "Retired suites too (retiredAt set). 404 for a name the merchant has never stored.")
    public SuiteModels.SuiteView get(@PathParam("code") String code, @PathParam("name") String name) {
        return suites.view(suites.require(tenancy.merchant(code), name), true);
    }

    @GET
    @Path("/{name}/revisions")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "listSuiteRevisions", summary = "Every revision of a stored suite, oldest first",
            description = "A page at a time, without their text (getSuiteRevision gives one with its text).")
    public Page<SuiteModels.RevisionView> revisions(@PathParam("code") String code, @PathParam("name") String name,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return suites.revisions(suites.require(tenancy.merchant(code), name), limit, cursor);
    }

    @GET
    @Path("/{name}/revisions/{revision}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "getSuiteRevision", summary = "One revision of a stored suite, with its YAML text",
            description = "The revision's text, message, when and by which key it was stored.")
    public SuiteModels.RevisionView revision(@PathParam("code") String code, @PathParam("name") String name,
                                             @PathParam("revision") int revision) {
        StoredSuite suite = suites.require(tenancy.merchant(code), name);
        return SuiteModels.RevisionView.of(suite, suites.revision(suite, revision), true);
    }

    @DELETE
    @Path("/{name}")
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "retireSuite", summary = "Retire a stored suite",
            description = "204. It keeps its revisions but no longer runs with the stored suites nor gates activations;"
                    + " storing it again revives it with a new revision. Retiring a retired suite changes nothing.")
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("code") String code, @PathParam("name") String name) {
        suites.retire(tenancy.merchant(code), name);
        return Response.noContent().build();
    }
}
