package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merchant's activations, newest effective instant first: what is scheduled, what is live, what
 * was live before, what was cancelled, and which key made each.
 */
@ApplicationScoped
public class ActivationHistory {
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

    /** At most {@code limit} activations, each with its state now. */
    public List<ActivationEntry> of(Merchant merchant, int limit) {
        Instant now = clock.instant();
        Optional<Long> live = liveActivationId(merchant.id, now);
        List<Activation> rows = Activation.<Activation>find("merchantId = ?1 order by effectiveAt desc, id desc", merchant.id)
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
