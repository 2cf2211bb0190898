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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/merchants/{code}/members/{memberId}")
@Tag(name = "members")
public class MemberResource {
    @Inject
    Tenancy tenancy;

    @Inject
    MemberService members;

    @PUT
    @Allowed(Role.INTEGRATOR)
    public Response enrol(@PathParam("code") String code,
                          @PathParam("memberId") @Pattern(regexp = MemberModels.ID_PATTERN, message = "is not a valid member id") String memberId,
                          @Valid MemberModels.MemberRequest request) {
        Merchant m = tenancy.merchant(code);
        MemberService.Enrolment enrolment = members.enrol(m, memberId, request);
        return Response.status(enrolment.created() ? 201 : 200).entity(MemberModels.MemberView.of(enrolment.member())).build();
    }

    @GET
    @Allowed({Role.INTEGRATOR, Role.QA})
    public MemberModels.MemberView get(@PathParam("code") String code, @PathParam("memberId") String memberId) {
        return MemberModels.MemberView.of(members.require(tenancy.merchant(code), memberId));
    }
}
