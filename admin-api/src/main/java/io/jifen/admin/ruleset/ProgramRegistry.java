package io.jifen.admin.ruleset;

import io.jifen.admin.config.JifenConfig;
import io.jifen.engine.CacheStats;
import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.EngineOptions;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The service's one {@link LoyaltyEngine}: compiles uploads and hands out the compiled program of a
 * stored version, compiled once per content hash and cached (bounded, least recently used first).
 */
@ApplicationScoped
public class ProgramRegistry {
    private final LoyaltyEngine engine;
    private final Timer compileTimer;

    @Inject
    public ProgramRegistry(JifenConfig config, MeterRegistry registry) {
        this.engine = new LoyaltyEngine(new EngineOptions(config.engine().maxFiringsPerEvaluation(),
                config.engine().cacheCapacity()));
        this.compileTimer = Timer.builder("jifen.rules.compile").description("rule set compile time").register(registry);
        registry.gauge("jifen.rules.cache.hits", engine, e -> e.cacheStats().hits());
        registry.gauge("jifen.rules.cache.misses", engine, e -> e.cacheStats().misses());
        registry.gauge("jifen.rules.cache.size", engine, e -> e.cacheStats().size());
    }

    public CompilationResult compile(RuleSet ruleSet) {
        return compileTimer.record(() -> engine.compile(ruleSet));
    }

    /** The compiled program of a stored version; its files are read only on a cache miss. */
    public CompiledProgram programOf(RuleVersion version) {
        return compileTimer.record(() -> engine.compile(version.contentHash, () -> QuarkusTransaction.joiningExisting()
                .call(() -> new RuleSet(RuleVersionFile.ruleFilesOf(version.id))))).orThrow();
    }

    public CacheStats cacheStats() {
        return engine.cacheStats();
    }
}
