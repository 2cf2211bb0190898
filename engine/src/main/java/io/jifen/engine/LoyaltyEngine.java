package io.jifen.engine;

import io.jifen.engine.compile.KieBaseBuild;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSetCompiler;
import io.jifen.engine.compile.RuleText;

import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one class callers need: compile a merchant's rule files into a {@link CompiledProgram} (or
 * get every diagnostic), with compiled programs cached by content hash. Drools stays behind it.
 * Compiles are bounded by {@link EngineOptions}: rule-set limits, a time limit and a number of
 * compiles at once; cached programs not kept and not used for a while are evicted by {@link #evictIdle}.
 */
public final class LoyaltyEngine {
    private final EngineOptions options;
    private final ProgramCache cache;
    private final CompileGate gate;
    private final RuleSetCompiler compiler;

    public LoyaltyEngine() {
        this(EngineOptions.DEFAULT);
    }

    public LoyaltyEngine(EngineOptions options) {
        this(options, InstantSource.system(), CompileHook.NONE);
    }

    /** {@code clock} dates the last use of cached programs (idle eviction); {@code hook} is for tests. */
    public LoyaltyEngine(EngineOptions options, InstantSource clock, CompileHook hook) {
        this.options = options;
        this.cache = new ProgramCache(options.cacheCapacity(), options.idleTime(), clock);
        this.gate = new CompileGate(options.maxConcurrentCompiles(), options.compileTimeout(), hook);
        this.compiler = new RuleSetCompiler(options.ruleSetLimits());
    }

    /** Compiles the rule set, or returns the cached program compiled from the same files; waits for a compile slot. */
    public CompilationResult compile(RuleSet ruleSet) {
        return compile(ruleSet, WhenBusy.WAIT);
    }

    public CompilationResult compile(RuleSet ruleSet, WhenBusy whenBusy) {
        String hash = ruleSet.contentHash();
        return cached(hash, whenBusy, admission -> gate.run(admission, hash, () -> ruleSet,
                files -> compileUncached(files, hash)));
    }

    /**
     * The program for rule files whose content hash is already known (a stored rule version): the
     * files are loaded only when the program is not cached (on the calling thread, once a compile
     * slot is free). The loaded files must hash to {@code contentHash}, so a stale or tampered store
     * cannot hide behind a cached program. An evicted program is simply compiled again from them.
     */
    public CompilationResult compile(String contentHash, Supplier<RuleSet> files) {
        return compile(contentHash, files, WhenBusy.WAIT);
    }

    public CompilationResult compile(String contentHash, Supplier<RuleSet> files, WhenBusy whenBusy) {
        return cached(contentHash, whenBusy, admission -> gate.run(admission, contentHash, () -> {
            RuleSet ruleSet = files.get();
            if (!ruleSet.contentHash().equals(contentHash)) {
                throw new IllegalStateException("rule files hash to " + ruleSet.contentHash() + ", expected " + contentHash);
            }
            return ruleSet;
        }, ruleSet -> compileUncached(ruleSet, contentHash)));
    }

    /**
     * Compiles a draft to learn whether it compiles, and its rules or its diagnostics, without
     * caching the program: an editor compiles on every pause in typing, and caching each draft
     * would push out the programs people are dry-running. It takes a compile slot and keeps to the
     * time limit like any compile ({@code Busy}, {@code TimedOut}); files whose program is cached
     * already are answered from the cache without compiling.
     */
    public CompilationResult check(RuleSet ruleSet, WhenBusy whenBusy) {
        String hash = ruleSet.contentHash();
        CompilationResult cached = cache.peek(hash);
        if (cached != null) {
            return cached;
        }
        return gate.run(whenBusy, hash, () -> ruleSet, files -> compileUncached(files, hash));
    }

    /**
     * Every rule of a rule set with its text, to compare versions rule by rule. Only translates and
     * parses (no build, no compile slot); refuses files that do not parse (IllegalArgumentException).
     */
    public List<RuleText> ruleTexts(RuleSet ruleSet) {
        return compiler.ruleTexts(ruleSet);
    }

    /**
     * The cached result, or {@code compile}'s. A caller that joined another caller's compile of the
     * same files shares its outcome; but a caller willing to wait must not inherit the Busy of one
     * that was not (a posting joining a dry run's refused compile), so it tries once more on its own.
     */
    private CompilationResult cached(String hash, WhenBusy whenBusy,
                                     Function<WhenBusy, CompilationResult> compile) {
        boolean[] ran = {false};
        CompilationResult result = cache.get(hash, () -> {
            ran[0] = true;
            return compile.apply(whenBusy);
        });
        if (!ran[0] && whenBusy == WhenBusy.WAIT && result instanceof CompilationResult.Busy) {
            result = cache.get(hash, () -> compile.apply(WhenBusy.WAIT));
        }
        return result;
    }

    private CompilationResult compileUncached(RuleSet ruleSet, String hash) {
        KieBaseBuild build = compiler.build(ruleSet);
        if (build instanceof KieBaseBuild.Built built) {
            return new CompilationResult.Compiled(new CompiledProgram(hash, built, options.maxFiringsPerEvaluation()));
        }
        KieBaseBuild.Failed failed = (KieBaseBuild.Failed) build;
        return new CompilationResult.Rejected(failed.diagnostics(), failed.rules());
    }

    /**
     * From now on never evicts the programs of {@code keep} (a service passes its live and scheduled
     * versions), and evicts every other cached program unused for longer than
     * {@link EngineOptions#idleTime()}. Returns how many programs were evicted.
     */
    public int evictIdle(Set<String> keep) {
        return cache.evictIdle(keep);
    }

    /** Whether the program of these files is cached (asking does not count as a use). */
    public boolean isCached(String contentHash) {
        return cache.contains(contentHash);
    }

    /** Compiles holding a slot now, including abandoned ones that have not stopped yet. */
    public int compilesRunning() {
        return gate.running();
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    public EngineOptions options() {
        return options;
    }
}
