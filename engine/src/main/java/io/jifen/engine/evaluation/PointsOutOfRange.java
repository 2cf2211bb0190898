package io.jifen.engine.evaluation;

/**
 * Points beyond {@link PointsCalculator#MAX_POINTS}: a rule's bonus, or rates and multipliers that
 * multiply a large purchase past anything a ledger could hold. The evaluation fails with
 * {@code RULE_ERROR} instead of overflowing a {@code long}; {@code rule} is null when the points
 * come from several rules together (rates times multipliers).
 */
public final class PointsOutOfRange extends ArithmeticException {
    private final String rule;

    PointsOutOfRange(String rule) {
        super((rule == null ? "" : "rule \"" + rule + "\": ") + "the points come to more than " + PointsCalculator.MAX_POINTS
                + (rule == null ? ": check the rates and multipliers" : ": check this rule's points"));
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
