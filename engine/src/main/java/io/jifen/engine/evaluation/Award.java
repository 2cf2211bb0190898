package io.jifen.engine.evaluation;

/**
 * Points given (or, for CAP, taken back) by one rule, with its reason. Families: BASE, CATEGORY,
 * TIER, MEMBER_DAY, THRESHOLD, TASK, CAP, or any family a rule names.
 */
public record Award(String rule, Phase phase, String family, long points, String reason) {
}
