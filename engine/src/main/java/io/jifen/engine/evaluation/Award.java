package io.jifen.engine.evaluation;

/**
 * Points given (or, for CAP, taken back) by one rule, with its reason. Families: BASE, CATEGORY,
 * TIER, MEMBER_DAY, THRESHOLD, TASK, CAP, or any family a rule names. {@code campaign}: the code of
 * the campaign the rule belongs to, {@code null} when it belongs to none.
 */
public record Award(String rule, Phase phase, String family, long points, String reason, String campaign) {
    public Award(String rule, Phase phase, String family, long points, String reason) {
        this(rule, phase, family, points, reason, null);
    }
}
