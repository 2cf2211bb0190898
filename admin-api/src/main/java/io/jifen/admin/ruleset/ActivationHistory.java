package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.shared.Cursor;
import io.jifen.admin.shared.Page;
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

    /** A page of activations, newest effective instant first (down activation_by_merchant), each with its state now. */
    public Page<ActivationEntry> of(Merchant merchant, int limit, String cursor) {
        Instant now = clock.instant();
        Optional<Long> live = liveActivationId(merchant.id, now);
        Cursor.At after = Cursor.decodeAt(cursor);
        List<Activation> rows = (after == null
                ? Activation.<Activation>find("merchantId = ?1 order by effectiveAt desc, id desc", merchant.id)
                : Activation.<Activation>find("merchantId = ?1 and (effectiveAt < ?2 or (effectiveAt = ?2 and id < ?3))"
                        + " order by effectiveAt desc, id desc", merchant.id, after.at(), after.id()))
                .range(0, limit).list();
        Map<Long, Integer> numbers = new HashMap<>();
        return Page.of(rows, limit, a -> new Cursor.At(a.effectiveAt, a.id).key()).map(a -> new ActivationEntry(a.id,
                numbers.computeIfAbsent(a.ruleVersionId, id -> RuleVersion.<RuleVersion>findById(id).number),
                a.cancelledAt != null ? "CANCELLED"
                        : a.effectiveAt.isAfter(now) ? "PENDING"
                        : live.filter(id -> id.equals(a.id)).isPresent() ? "LIVE" : "SUPERSEDED",
                a.effectiveAt, a.createdAt, a.createdBy, a.cancelledAt, RuleVersionModels.SuiteGateView.of(a)));
    }

    /** The activation behind the live version: the same ordering as {@link RuleVersions#ACTIVE_VERSION_SQL}. */
    private static Optional<Long> liveActivationId(long merchantId, Instant now) {
        return Activation.<Activation>find("merchantId = ?1 and cancelledAt is null and effectiveAt <= ?2 "
                        + "order by effectiveAt desc, id desc", merchantId, now)
                .firstResultOptional().map(a -> a.id);
    }
}
