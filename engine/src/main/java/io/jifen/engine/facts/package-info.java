/**
 * The fact model rule authors write against: purchases, member events, the member snapshot and
 * activity, the program calendar, redemption quote requests, and {@link io.jifen.engine.facts.RuleActions}
 * through which a rule states what it decides. Everything here is immutable except
 * {@code RuleActions}, so rules cannot change the inputs of an evaluation.
 */
package io.jifen.engine.facts;
