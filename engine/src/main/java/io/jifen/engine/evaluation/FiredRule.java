package io.jifen.engine.evaluation;

/** A rule that fired during an evaluation, in firing order. */
public record FiredRule(String rule, Phase phase) {
}
