package io.jifen.engine.evaluation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The phases an evaluation runs in, in this order. A rule declares its phase with the
 * {@code ruleflow-group} attribute (e.g. {@code ruleflow-group "bonus"}; Drools 10 treats the older
 * {@code agenda-group} the same way); a rule without one is rejected at compile time, so precedence
 * is always written down in the rule file itself.
 */
public enum Phase {
    /** Base earning: points per currency unit, per-line category multipliers and exclusions. */
    BASE("base"),
    /** Multipliers on the base points: tier, member day. */
    MULTIPLIER("multiplier"),
    /** Fixed bonuses: spend thresholds, tasks. */
    BONUS("bonus"),
    /** Caps on what this evaluation awards. */
    CAP("cap"),
    /** Tier decisions. */
    TIER("tier"),
    /** Points-mall list price (replaces the item's base price, e.g. clearance price lists). */
    PRICE("price"),
    /** Percentage discounts on the points price. */
    DISCOUNT("discount"),
    /** Alternative ways to pay: points plus cash. */
    PAYMENT("payment"),
    /** Points given back on a redemption ("double points back" during a campaign). */
    REWARD("reward");

    private final String agendaGroup;

    Phase(String agendaGroup) {
        this.agendaGroup = agendaGroup;
    }

    public String agendaGroup() {
        return agendaGroup;
    }

    public static Optional<Phase> ofAgendaGroup(String name) {
        return Arrays.stream(values()).filter(p -> p.agendaGroup.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(p -> '"' + p.agendaGroup + '"').toList());
    }
}
