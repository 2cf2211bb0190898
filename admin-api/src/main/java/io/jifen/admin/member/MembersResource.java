package io.jifen.admin.member;

import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.shared.Inputs;
import io.jifen.admin.shared.Page;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The merchant's members, listed and searched: what a support desk looks a member up by. */
@Path("/merchants/{code}/members")
@Tag(name = "members")
public class MembersResource {
    @Inject
    Tenancy tenancy;

    @Inject
    MemberSearch search;

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "listMembers", summary = "List and search members",
            description = "The members by id, a page at a time; each filter given narrows the list: `idPrefix` (ids"
                    + " starting with it), `tier`, `status`.")
    public Page<MemberModels.MemberView> list(@PathParam("code") String code,
            @QueryParam("idPrefix") @Size(max = 128, message = "must be at most 128 characters")
            @Parameter(description = "Only members whose id starts with this") String idPrefix,
            @QueryParam("tier") @Size(max = 64, message = "must be at most 64 characters")
            @Parameter(description = "Only members in this tier") String tier,
            @QueryParam("status") @Pattern(regexp = MemberStatus.PATTERN, message = "must be ACTIVE or FROZEN")
            @Parameter(description = "Only members in this status", schema = @Schema(enumeration = {"ACTIVE", "FROZEN"}))
            String status,
            @QueryParam("limit") @DefaultValue(Page.LIMIT_DEFAULT)
            @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = Page.LIMIT_MAX, message = Inputs.LIMIT_500) int limit,
            @QueryParam("cursor") String cursor) {
        return search.find(tenancy.merchant(code), idPrefix, tier, status == null ? null : MemberStatus.valueOf(status),
                limit, cursor);
    }
}
