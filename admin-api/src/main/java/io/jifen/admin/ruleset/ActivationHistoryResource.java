package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.shared.Inputs;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The merchant's activations, newest effective instant first: what is scheduled, what is live, what
 * was live before, what was cancelled, and which key made each. The audit log holds the same facts
 * as text (and MARKETING, who makes the activations, may not read it); this is the structured read
 * a release screen needs.
 */
@Path("/merchants/{code}/activations")
@Tag(name = "rule versions")
public class ActivationHistoryResource {
    @Inject
    Tenancy tenancy;

    @Inject
    Clock clock;

    /**
     * {@code state}: PENDING (effective in the future), LIVE (the activation in effect now),
     * SUPERSEDED (took effect, a later one replaced it), CANCELLED (withdrawn before it took effect).
     * {@code suiteGate}: what the stored suites said when it was made, and the override reason if any.
     */
    public record ActivationEntry(long id, int version, String state, Instant effectiveAt, Instant createdAt,
                                  String createdBy, Instant cancelledAt, RuleVersionModels.SuiteGateView suiteGate) {
    }

    @GET
    @Allowed({Role.MARKETING, Role.QA})
    public List<ActivationEntry> list(@PathParam("code") String code,
                                      @QueryParam("limit") @DefaultValue("50")
                                      @Min(value = 1, message = Inputs.LIMIT_500) @Max(value = 500, message = Inputs.LIMIT_500) int limit) {
        Merchant m = tenancy.merchant(code);
        Instant now = clock.instant();
        Optional<Long> live = liveActivationId(m.id, now);
        List<Activation> rows = Activation.<Activation>find("merchantId = ?1 order by effectiveAt desc, id desc", m.id)
                .page(0, limit).list();
        Map<Long, Integer> numbers = new HashMap<>();
        for (Activation a : rows) {
            numbers.computeIfAbsent(a.ruleVersionId, id -> RuleVersion.<RuleVersion>findById(id).number);
        }
        return rows.stream().map(a -> new ActivationEntry(a.id, numbers.get(a.ruleVersionId),
                a.cancelledAt != null ? "CANCELLED"
                        : a.effectiveAt.isAfter(now) ? "PENDING"
                        : live.filter(id -> id.equals(a.id)).isPresent() ? "LIVE" : "SUPERSEDED",
                a.effectiveAt, a.createdAt, a.createdBy, a.cancelledAt, RuleVersionModels.SuiteGateView.of(a))).toList();
    }

    /** The activation behind the live version: the same ordering as {@link RuleVersions#ACTIVE_VERSION_SQL}. */
    private static Optional<Long> liveActivationId(long merchantId, Instant now) {
        return Activation.<Activation>find("merchantId = ?1 and cancelledAt is null and effectiveAt <= ?2 "
                        + "order by effectiveAt desc, id desc", merchantId, now)
                .firstResultOptional().map(a -> a.id);
    }
}
