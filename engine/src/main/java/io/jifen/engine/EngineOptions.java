package io.jifen.engine;

import io.jifen.engine.compile.RuleSetLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * Engine limits, each bounding what an untrusted rule set can cost (docs/engine.md, "Limits").
 *
 * @param maxFiringsPerEvaluation stops a runaway rule set (rules that keep re-activating each other)
 * @param cacheCapacity           compiled programs kept beyond the ones the caller asks to keep (live
 *                                and scheduled versions), least recently used evicted first
 * @param ruleSetLimits           rules, table rows and bytes one rule set may have; checked before Drools compiles
 * @param compileTimeout          a compile still running after this is abandoned ({@link CompilationResult.TimedOut})
 * @param maxConcurrentCompiles   compiles running at once; a compile beyond it is refused
 *                                ({@link CompilationResult.Busy}) or waits, as its caller chooses ({@link WhenBusy})
 * @param idleTime                a cached program not kept and unused for this long is evicted by
 *                                {@link LoyaltyEngine#evictIdle}, so its classes can unload
 */
public record EngineOptions(int maxFiringsPerEvaluation, int cacheCapacity, RuleSetLimits ruleSetLimits,
                            Duration compileTimeout, int maxConcurrentCompiles, Duration idleTime) {
    /**
     * 30 s is 7 times the cold compile of a 1,000-row table on 2 shared cores (BENCHMARKS.md section 2);
     * half the processors compile at once, so compiles leave the other half to evaluations; 15 minutes
     * keeps a draft someone is working on (dry runs, suites) without recompiling between attempts.
     */
    public static final EngineOptions DEFAULT = new EngineOptions(10_000, 64);

    public EngineOptions {
        Objects.requireNonNull(ruleSetLimits, "ruleSetLimits");
        Objects.requireNonNull(compileTimeout, "compileTimeout");
        Objects.requireNonNull(idleTime, "idleTime");
        if (maxFiringsPerEvaluation < 1) {
            throw new IllegalArgumentException("maxFiringsPerEvaluation must be at least 1");
        }
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity must be at least 1");
        }
        if (compileTimeout.isNegative() || compileTimeout.isZero()) {
            throw new IllegalArgumentException("compileTimeout must be positive");
        }
        if (maxConcurrentCompiles < 1) {
            throw new IllegalArgumentException("maxConcurrentCompiles must be at least 1");
        }
        if (idleTime.isNegative()) {
            throw new IllegalArgumentException("idleTime must not be negative");
        }
    }

    /** The given firing cap and cache capacity, every other limit at its default. */
    public EngineOptions(int maxFiringsPerEvaluation, int cacheCapacity) {
        this(maxFiringsPerEvaluation, cacheCapacity, RuleSetLimits.DEFAULT, Duration.ofSeconds(30),
                defaultConcurrentCompiles(), Duration.ofMinutes(15));
    }

    /** Half the processors, at least one. */
    public static int defaultConcurrentCompiles() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public EngineOptions withRuleSetLimits(RuleSetLimits limits) {
        return new EngineOptions(maxFiringsPerEvaluation, cacheCapacity, limits, compileTimeout,
                maxConcurrentCompiles, idleTime);
    }

    public EngineOptions withCompileTimeout(Duration timeout) {
        return new EngineOptions(maxFiringsPerEvaluation, cacheCapacity, ruleSetLimits, timeout,
                maxConcurrentCompiles, idleTime);
    }

    public EngineOptions withMaxConcurrentCompiles(int compiles) {
        return new EngineOptions(maxFiringsPerEvaluation, cacheCapacity, ruleSetLimits, compileTimeout, compiles,
                idleTime);
    }

    public EngineOptions withIdleTime(Duration idle) {
        return new EngineOptions(maxFiringsPerEvaluation, cacheCapacity, ruleSetLimits, compileTimeout,
                maxConcurrentCompiles, idle);
    }
}
