package io.jifen.admin.ruleset;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.problem.RetryLater;
import io.jifen.engine.CacheStats;
import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompileHook;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.EngineOptions;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.WhenBusy;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSetLimits;
import io.jifen.engine.compile.RuleText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The service's one {@link LoyaltyEngine}: compiles uploads and hands out the compiled program of a
 * stored version, compiled once per content hash and cached; live and scheduled programs are kept,
 * others evicted when idle (ProgramEviction). Compiles are bounded by {@code jifen.engine.*}
 * (docs/operations.md): what people ask for (uploads, dry runs and suite runs on a version not
 * compiled yet, activations) is refused with 503 when every compile slot is taken, while the
 * program a posting needs waits for a slot, so drafts never starve postings.
 *
 * <p>Started with the service, so a bad {@code jifen.engine.*} value stops it at once.
 */
@Startup
@ApplicationScoped
public class ProgramRegistry {
    private final LoyaltyEngine engine;
    private final Timer compileTimer;

    @Inject
    public ProgramRegistry(JifenConfig config, MeterRegistry registry, Clock clock, Instance<CompileHook> hooks) {
        JifenConfig.Engine e = config.engine();
        EngineOptions options = new EngineOptions(e.maxFiringsPerEvaluation(), e.cacheCapacity(),
                new RuleSetLimits(e.maxRules(), e.maxTableRows(), e.maxFileSize().asLongValue(),
                        e.maxRuleSetSize().asLongValue()),
                e.compileTimeout(), e.maxConcurrentCompiles().orElse(EngineOptions.defaultConcurrentCompiles()),
                e.idleTime());
        // a CompileHook bean exists only in tests (to hold compiles with a latch)
        this.engine = new LoyaltyEngine(options, clock, hooks.isResolvable() ? hooks.get() : CompileHook.NONE);
        this.compileTimer = Timer.builder("jifen.rules.compile").description("rule set compile time").register(registry);
        registry.gauge("jifen.rules.cache.hits", engine, x -> x.cacheStats().hits());
        registry.gauge("jifen.rules.cache.misses", engine, x -> x.cacheStats().misses());
        registry.gauge("jifen.rules.cache.size", engine, x -> x.cacheStats().size());
        registry.gauge("jifen.rules.cache.evictions", engine, x -> x.cacheStats().evictions());
        registry.gauge("jifen.rules.compiles.running", engine, LoyaltyEngine::compilesRunning);
    }

    /**
     * An upload's compile: {@code Compiled} or {@code Rejected}. Refused at once when every compile
     * slot is taken (503 compiler-busy) or past the time limit (422 rule-set-too-slow).
     */
    public CompilationResult compile(RuleSet ruleSet) {
        return settled(compileTimer.record(() -> engine.compile(ruleSet, WhenBusy.REFUSE)));
    }

    /**
     * A draft's compile for an editor (nothing stored), refused like an upload's, and never cached
     * (LoyaltyEngine#check says why).
     */
    public CompilationResult check(RuleSet ruleSet) {
        return settled(compileTimer.record(() -> engine.check(ruleSet, WhenBusy.REFUSE)));
    }

    /** Files from a request as a rule set: 422 naming {@code files} when they cannot be one. */
    static RuleSet ruleSetOf(List<RuleFile> files) {
        try {
            return new RuleSet(files);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("files", e.getMessage());
        }
    }

    /** 422 rule-set-rejected: every diagnostic at its file and line (or cell); {@code outcome} says what did not happen. */
    static ProblemException rejected(CompilationResult.Rejected rejected, String outcome) {
        List<Problem.FieldError> errors = rejected.diagnostics().stream()
                .map(d -> new Problem.FieldError(null, d.message(), d.file(), d.line() > 0 ? d.line() : null,
                        d.column() > 0 ? d.column() : null, d.cell()))
                .toList();
        return ProblemException.of(ProblemType.RULE_SET_REJECTED,
                rejected.diagnostics().size() + " problem(s) in the rule files; " + outcome, errors);
    }

    /** Every rule of draft files with its text; 422 rule-set-rejected when they do not parse. */
    public List<RuleText> ruleTexts(RuleSet ruleSet) {
        try {
            return engine.ruleTexts(ruleSet);
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemType.RULE_SET_REJECTED,
                    "the draft's rules cannot be read: " + e.getMessage() + "; fix the problems the compile reports");
        }
    }

    private static CompilationResult settled(CompilationResult result) {
        if (result instanceof CompilationResult.Busy busy) {
            throw busy(busy);
        }
        if (result instanceof CompilationResult.TimedOut timedOut) {
            throw tooSlow(timedOut);
        }
        return result;
    }

    /** Every rule of a stored version with its text, for a rule-by-rule comparison (parsed, not compiled). */
    public List<RuleText> ruleTexts(RuleVersion version) {
        return engine.ruleTexts(new RuleSet(RuleVersionFile.ruleFilesOf(version.id)));
    }

    /** The compiled program of a stored version for a posting: waits for a compile slot when not cached. */
    public CompiledProgram programOf(RuleVersion version) {
        return programOf(version, WhenBusy.WAIT);
    }

    /**
     * The compiled program of a stored version; its files are read only on a cache miss. 503 with
     * Retry-After when it cannot be compiled now (no slot, or past the time limit: it compiled in
     * time when uploaded, so that is the machine's load, not the files).
     */
    public CompiledProgram programOf(RuleVersion version, WhenBusy whenBusy) {
        CompilationResult result = compileTimer.record(() -> engine.compile(version.contentHash,
                () -> QuarkusTransaction.joiningExisting().call(() -> new RuleSet(RuleVersionFile.ruleFilesOf(version.id))),
                whenBusy));
        if (result instanceof CompilationResult.Busy busy) {
            throw busy(busy);
        }
        if (result instanceof CompilationResult.TimedOut timedOut) {
            throw new RetryLater(ProblemType.RULE_SET_TOO_SLOW_NOW, "rule version " + version.number
                    + " took longer than " + timedOut.limit().toSeconds() + " s to compile and was abandoned;"
                    + " retry later", timedOut.limit());
        }
        return result.orThrow();
    }

    /** 503 compiler-busy: every compile slot is taken; nothing is wrong with the request. */
    static RetryLater busy(CompilationResult.Busy busy) {
        return new RetryLater(ProblemType.COMPILER_BUSY, "the service is compiling "
                + busy.concurrentCompiles() + " rule sets already, its limit; nothing was stored or run: retry after "
                + Math.max(1, busy.retryAfter().toSeconds()) + " s", busy.retryAfter());
    }

    /** 422 rule-set-too-slow: an upload whose compile ran past the limit; nothing was stored. */
    static ProblemException tooSlow(CompilationResult.TimedOut timedOut) {
        return ProblemException.of(ProblemType.RULE_SET_TOO_SLOW, "the rule set took longer than "
                + timedOut.limit().toSeconds() + " s to compile and was abandoned; nothing was stored: split large"
                + " decision tables or upload fewer rules");
    }

    /** Keeps the programs of {@code keep} (live and scheduled versions), evicts others idle too long. */
    public int evictIdle(Set<String> keep) {
        return engine.evictIdle(keep);
    }

    public boolean isCached(String contentHash) {
        return engine.isCached(contentHash);
    }

    public CacheStats cacheStats() {
        return engine.cacheStats();
    }

    public Duration compileTimeout() {
        return engine.options().compileTimeout();
    }

    public int maxConcurrentCompiles() {
        return engine.options().maxConcurrentCompiles();
    }
}
