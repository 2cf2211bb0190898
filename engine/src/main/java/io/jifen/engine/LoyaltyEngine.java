package io.jifen.engine;

import io.jifen.engine.compile.KieBaseBuild;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSetCompiler;

/**
 * The one class callers need: compile a merchant's rule files into a {@link CompiledProgram} (or
 * get every diagnostic), with compiled programs cached by content hash. Drools stays behind it.
 */
public final class LoyaltyEngine {
    private final EngineOptions options;
    private final ProgramCache cache;
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    public LoyaltyEngine() {
        this(EngineOptions.DEFAULT);
    }

    public LoyaltyEngine(EngineOptions options) {
        this.options = options;
        this.cache = new ProgramCache(options.cacheCapacity());
    }

    /** Compiles the rule set, or returns the cached program compiled from the same files. */
    public CompilationResult compile(RuleSet ruleSet) {
        String hash = ruleSet.contentHash();
        return cache.get(hash, () -> compileUncached(ruleSet, hash));
    }

    /**
     * The program for rule files whose content hash is already known (a stored rule version): the
     * files are loaded only when the program is not cached. The loaded files must hash to
     * {@code contentHash}, so a stale or tampered store cannot hide behind a cached program.
     */
    public CompilationResult compile(String contentHash, java.util.function.Supplier<RuleSet> files) {
        return cache.get(contentHash, () -> {
            RuleSet ruleSet = files.get();
            if (!ruleSet.contentHash().equals(contentHash)) {
                throw new IllegalStateException("rule files hash to " + ruleSet.contentHash() + ", expected " + contentHash);
            }
            return compileUncached(ruleSet, contentHash);
        });
    }

    private CompilationResult compileUncached(RuleSet ruleSet, String hash) {
        KieBaseBuild build = compiler.build(ruleSet);
        if (build instanceof KieBaseBuild.Built built) {
            return new CompilationResult.Compiled(new CompiledProgram(hash, built, options.maxFiringsPerEvaluation()));
        }
        return new CompilationResult.Rejected(((KieBaseBuild.Failed) build).diagnostics());
    }

    public CacheStats cacheStats() {
        return cache.stats();
    }

    public EngineOptions options() {
        return options;
    }
}
