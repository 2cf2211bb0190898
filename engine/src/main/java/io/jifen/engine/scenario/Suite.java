package io.jifen.engine.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A regression suite as QA writes it (YAML or JSON): given a member and their activity, when a
 * purchase, event, tier review or quote request happens, then these points, awards, tier or price.
 * See docs/regression-suites.md for the format.
 */
public record Suite(String suite, String zone, PolicySpec policy, Given defaults, List<Scenario> scenarios) {

    public record PolicySpec(String rounding, String stacking) {
    }

    public record Scenario(String name, String description, Given given, When when, Then then) {
    }

    public record Given(MemberSpec member, ActivitySpec activity) {
    }

    public record MemberSpec(String id, String tier, String status, LocalDate enrolledOn, LocalDate birthday,
                             Map<String, String> attributes) {
    }

    public record ActivitySpec(BigDecimal rolling12MonthSpend, BigDecimal spendThisYear, Long pointsEarnedToday,
                               Long pointsEarnedThisMonth, Map<String, Integer> eventsToday,
                               Map<String, Integer> eventsThisMonth) {
    }

    /** Exactly one of these is set. {@code at} is merchant-local (2026-03-10T09:30) or an instant with offset. */
    public record When(PurchaseSpec purchase, EventSpec event, TierSpec tier, QuoteSpec quote) {
    }

    public record PurchaseSpec(String id, String at, String channel, String store, BigDecimal total, String currency,
                               List<LineSpec> lines) {
    }

    public record LineSpec(String sku, String category, Integer quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public record EventSpec(String id, String type, String at, Map<String, String> attributes) {
    }

    public record TierSpec(String at) {
    }

    public record QuoteSpec(String at, ItemSpec item) {
    }

    public record ItemSpec(String sku, String type, String category, Long basePoints, BigDecimal cashPrice,
                           Map<String, String> attributes) {
    }

    /**
     * What must hold. Every field is optional; {@code awards} (points by rule) and {@code families}
     * (points by family) are exact: a rule or family not listed must award nothing.
     */
    public record Then(Long totalPoints, Map<String, Long> awards, Map<String, Long> families, String tier,
                       List<String> refused, String failed, QuoteExpectation quote) {
    }

    /** {@code discounts} maps a discount family to the points it took off. */
    /** {@code pointsBack}: points given back on the main price, by family (absent: not checked). */
    public record QuoteExpectation(Long pointsPrice, BigDecimal cashPart, Long listPoints,
                                   Map<String, Long> discounts, List<OptionExpectation> options,
                                   Map<String, Long> pointsBack) {
    }

    public record OptionExpectation(Long points, BigDecimal cash) {
    }
}
