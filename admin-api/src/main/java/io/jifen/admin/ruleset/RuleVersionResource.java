package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.security.Tenancy;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/merchants/{code}/rule-versions")
@Tag(name = "rule versions")
public class RuleVersionResource {
    @Inject
    Tenancy tenancy;

    @Inject
    RuleVersionService versions;

    @Inject
    RuleVersions resolver;

    @POST
    @Allowed(Role.MARKETING)
    public Response upload(@PathParam("code") String code, @Valid @NotNull RuleVersionModels.UploadRequest request) {
        Merchant m = tenancy.merchant(code);
        RuleVersionService.Upload upload = versions.upload(m, request.description(),
                request.files().stream().map(RuleVersionService::decode).toList());
        RuleVersionModels.VersionView view = versions.view(upload.version());
        return (upload.created() ? Response.created(URI.create("/merchants/" + code + "/rule-versions/" + view.number()))
                : Response.ok()).entity(view).build();
    }

    @GET
    @Allowed({Role.MARKETING, Role.QA})
    public List<RuleVersionModels.VersionView> list(@PathParam("code") String code) {
        Merchant m = tenancy.merchant(code);
        return RuleVersion.<RuleVersion>list("merchantId = ?1 order by number", m.id).stream().map(versions::view).toList();
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
        return versions.view(RuleVersion.of(m.id, number)
                .orElseThrow(() -> ProblemException.notFound("rule version " + number + " of `" + code + "`")));
    }

    @POST
    @Path("/{number}/activation")
    @Allowed(Role.MARKETING)
    public Response activate(@PathParam("code") String code, @PathParam("number") int number,
                             RuleVersionModels.ActivationRequest request) {
        Merchant m = tenancy.merchant(code);
        Instant at = request == null ? null : request.at();
        Activation a = versions.activate(m, number, at);
        return Response.status(at == null ? 200 : 202).entity(RuleVersionModels.ActivationView.of(a, number)).build();
    }
}
