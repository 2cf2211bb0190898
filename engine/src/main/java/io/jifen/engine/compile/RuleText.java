package io.jifen.engine.compile;

/**
 * A rule's text, to compare rule sets rule by rule: {@code drl} is the rule as the engine compiles
 * it (a DSLR rule expanded by its vocabulary, a decision-table row as the DRL Drools generates for
 * it), from its {@code rule} line to its {@code end}; {@code authored} is the same lines as the
 * author wrote them in a DRL or DSLR file, and null for a decision table (whose rule is a row).
 */
public record RuleText(RuleDefinition definition, String drl, String authored) {
}
