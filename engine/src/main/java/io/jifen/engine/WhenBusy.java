package io.jifen.engine;

/**
 * What a compile does when {@link EngineOptions#maxConcurrentCompiles()} compiles are running.
 * A service refuses the compiles a person asked for (uploads, dry runs, suite runs: they get
 * {@link CompilationResult.Busy} at once and can retry) and lets the program a live evaluation
 * needs wait for a slot, so drafts never starve postings.
 */
public enum WhenBusy {
    /** Answer {@link CompilationResult.Busy} at once. */
    REFUSE,
    /** Wait for a slot, at most the compile time limit, then answer {@link CompilationResult.Busy}. */
    WAIT
}
