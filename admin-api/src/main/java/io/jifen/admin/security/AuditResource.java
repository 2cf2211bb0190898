package io.jifen.admin.security;

import io.jifen.admin.merchant.Merchant;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Who changed what, newest first. */
@Path("/merchants/{code}/audit")
@Tag(name = "api keys and audit")
public class AuditResource {
    @Inject
    Tenancy tenancy;

    @GET
    @Allowed({Role.ADMIN, Role.QA})
    public List<ApiKeyModels.AuditView> list(@PathParam("code") String code,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        Merchant m = tenancy.merchant(code);
        return AuditEntry.<AuditEntry>find("merchantId = ?1 order by id desc", m.id)
                .page(0, Math.min(Math.max(limit, 1), 1000)).list().stream().map(ApiKeyModels.AuditView::of).toList();
    }
}
