package io.jifen.engine.evaluation;

import java.util.List;

/**
 * The result of one evaluation: completed with a value, refused because the input is invalid
 * (nothing was evaluated), or failed while the rules ran (nothing may be posted).
 */
public sealed interface Evaluation<T> {

    record Completed<T>(T value) implements Evaluation<T> {
    }

    record Refused<T>(List<InputProblem> problems) implements Evaluation<T> {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** {@code rule} is the rule at fault when one is known, otherwise empty. */
    record Failed<T>(FailureKind kind, String rule, String message) implements Evaluation<T> {
    }

    enum FailureKind {
        /** More rule firings than the configured cap: a runaway rule set. */
        FIRING_LIMIT,
        /** A rule's consequence threw, e.g. a negative bonus. */
        RULE_ERROR,
        /** Rules decided contradictory things, e.g. two different tiers. */
        CONFLICT
    }

    /** The value, or an exception describing why there is none; handy in tests and tools. */
    default T orThrow() {
        if (this instanceof Completed<T> completed) {
            return completed.value();
        }
        throw new IllegalStateException("evaluation did not complete: " + this);
    }
}
