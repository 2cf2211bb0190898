package io.jifen.engine.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What actually happened in a scenario, reduced to what a suite can state: points by rule and by
 * family (rules and families with a net zero are left out), the tier, the refusal fields, the
 * failure kind, the price. Two observations compare field by field for rule-set comparisons.
 */
public record Observed(String outcome, Long totalPoints, Map<String, Long> awards, Map<String, Long> families,
                       String tier, List<String> refused, String failure, String failureMessage,
                       Long pointsPrice, BigDecimal cashPart, Long listPoints, Map<String, Long> discounts,
                       List<String> options, Map<String, Long> pointsBack) {

    public static final String EARNED = "EARNED";
    public static final String TIER = "TIER";
    public static final String QUOTED = "QUOTED";
    public static final String REFUSED = "REFUSED";
    public static final String FAILED = "FAILED";

    public Observed {
        awards = awards == null ? Map.of() : new TreeMap<>(awards);
        families = families == null ? Map.of() : new TreeMap<>(families);
        discounts = discounts == null ? Map.of() : new TreeMap<>(discounts);
        refused = refused == null ? List.of() : List.copyOf(refused);
        options = options == null ? List.of() : List.copyOf(options);
        pointsBack = pointsBack == null ? Map.of() : new TreeMap<>(pointsBack);
    }

    /** Readable differences from another observation of the same scenario ("before → after"). */
    public List<String> changesTo(Observed after) {
        List<String> changes = new ArrayList<>();
        change(changes, "outcome", outcome, after.outcome);
        change(changes, "totalPoints", totalPoints, after.totalPoints);
        mapChanges(changes, "awards", awards, after.awards);
        mapChanges(changes, "families", families, after.families);
        change(changes, "tier", tier, after.tier);
        change(changes, "refused", refused, after.refused);
        change(changes, "failed", failure, after.failure);
        change(changes, "pointsPrice", pointsPrice, after.pointsPrice);
        change(changes, "cashPart", cashPart == null ? null : cashPart.stripTrailingZeros().toPlainString(),
                after.cashPart == null ? null : after.cashPart.stripTrailingZeros().toPlainString());
        change(changes, "listPoints", listPoints, after.listPoints);
        mapChanges(changes, "discounts", discounts, after.discounts);
        change(changes, "options", options, after.options);
        mapChanges(changes, "pointsBack", pointsBack, after.pointsBack);
        return changes;
    }

    private static void change(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + show(before) + " → " + show(after));
        }
    }

    private static void mapChanges(List<String> changes, String field, Map<String, Long> before, Map<String, Long> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            change(changes, field + "[" + key + "]", before.getOrDefault(key, 0L), after.getOrDefault(key, 0L));
        }
    }

    static String show(Object value) {
        return value == null ? "none" : value.toString();
    }
}
