package io.jifen.engine;

import io.jifen.engine.compile.Diagnostic;
import io.jifen.engine.compile.RuleDefinition;

import java.time.Duration;
import java.util.List;

/**
 * A compiled program ready to evaluate; or every diagnostic that stopped the rule set (including
 * the {@linkplain io.jifen.engine.compile.RuleSetLimits limits} it is over); or one of the two
 * outcomes that say nothing about the files but about the engine's budget: all compile slots were
 * taken ({@link Busy}), or the compile ran past its time limit ({@link TimedOut}). Only
 * {@link Compiled} is cached.
 */
public sealed interface CompilationResult {

    record Compiled(CompiledProgram program) implements CompilationResult {
    }

    /** {@code rules}: the rules read before the compile stopped, for an editor's outline (may be empty). */
    record Rejected(List<Diagnostic> diagnostics, List<RuleDefinition> rules) implements CompilationResult {
        public Rejected {
            diagnostics = List.copyOf(diagnostics);
            rules = List.copyOf(rules);
        }

        public Rejected(List<Diagnostic> diagnostics) {
            this(diagnostics, List.of());
        }
    }

    /**
     * Not compiled: {@code concurrentCompiles} compiles were already running (or a waiting caller
     * got no slot within the compile time limit). Nothing is wrong with the files; try again after
     * {@code retryAfter}, the time until the oldest running compile reaches its limit (at least 1 s).
     */
    record Busy(int concurrentCompiles, Duration retryAfter) implements CompilationResult {
    }

    /**
     * Abandoned after {@code limit}: the compiling thread was interrupted and whatever it produces
     * is discarded. It keeps its compile slot until it has really stopped.
     */
    record TimedOut(Duration limit) implements CompilationResult {
    }

    /** The program, or an exception saying why there is none; for tools and tests. */
    default CompiledProgram orThrow() {
        if (this instanceof Compiled compiled) {
            return compiled.program();
        }
        throw new IllegalStateException(describe());
    }

    /** Why there is no program, in a sentence; for logs, tools and tests. */
    default String describe() {
        if (this instanceof Rejected rejected) {
            return "rule set rejected: " + rejected.diagnostics();
        }
        if (this instanceof Busy busy) {
            return "not compiled: " + busy.concurrentCompiles() + " compiles are running already; retry after "
                    + busy.retryAfter().toSeconds() + " s";
        }
        if (this instanceof TimedOut timedOut) {
            return "not compiled: the rule set took longer than " + timedOut.limit().toMillis() + " ms to compile";
        }
        return "compiled";
    }
}
