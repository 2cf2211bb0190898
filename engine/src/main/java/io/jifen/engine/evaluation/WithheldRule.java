package io.jifen.engine.evaluation;

/**
 * A pricing rule that fired but was not applied because its campaign does not apply to this member at this
 * moment (outside its window or audience, or a campaign the merchant has not defined): the rule, its
 * campaign and why, so a quote says why a limited-time price is missing.
 */
public record WithheldRule(String rule, String campaign, String reason) {
}
