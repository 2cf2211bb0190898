package io.jifen.engine;

import io.jifen.engine.compile.Diagnostic;

import java.util.List;

/** Either a compiled program ready to evaluate, or every diagnostic that stopped the rule set. */
public sealed interface CompilationResult {

    record Compiled(CompiledProgram program) implements CompilationResult {
    }

    record Rejected(List<Diagnostic> diagnostics) implements CompilationResult {
        public Rejected {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The program, or an exception listing the diagnostics; for tools and tests. */
    default CompiledProgram orThrow() {
        if (this instanceof Compiled compiled) {
            return compiled.program();
        }
        throw new IllegalStateException("rule set rejected: " + ((Rejected) this).diagnostics());
    }
}
