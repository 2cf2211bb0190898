package io.jifen.admin.member;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/members/{memberId}")
@Tag(name = "members")
public class MemberResource {
    @Inject
    Tenancy tenancy;

    @Inject
    MemberService members;

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed(Role.INTEGRATOR)
    @Operation(operationId = "enrolMember", summary = "Enrol or update a member",
            description = "Every field optional: absent ones keep their value (or take their default on enrolment). A"
                    + " status change needs statusReason and is audited; a tier change is recorded in the tier history"
                    + " (MANUAL) and starts a tier period.")
    @APIResponseSchema(value = MemberModels.MemberView.class, responseCode = "201", responseDescription = "Enrolled")
    @APIResponse(responseCode = "200", description = "Updated: the member existed",
            content = @Content(schema = @Schema(implementation = MemberModels.MemberView.class)))
    public Response enrol(@PathParam("code") String code,
                          @PathParam("memberId") @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String memberId,
                          @RequestBody(required = false) @Valid MemberModels.MemberRequest request) {
        Merchant m = tenancy.merchant(code);
        MemberService.Enrolment enrolment = members.enrol(m, memberId, request);
        return Response.status(enrolment.created() ? 201 : 200).entity(MemberModels.MemberView.of(enrolment.member())).build();
    }

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    @Operation(operationId = "getMember", summary = "Read a member",
            description = "Tier, status, spendable balance, pending points (held for the return window), the tier's"
                    + " period.")
    public MemberModels.MemberView get(@PathParam("code") String code, @PathParam("memberId") String memberId) {
        return MemberModels.MemberView.of(members.require(tenancy.merchant(code), memberId));
    }
}
