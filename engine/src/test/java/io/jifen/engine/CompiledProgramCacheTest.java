package io.jifen.engine;

import io.jifen.engine.compile.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledProgramCacheTest {

    private static RuleSet bonusProgram(int points) {
        return drl("bonus.drl", """
                rule "bonus of %d"
                    ruleflow-group "bonus"
                when
                    Purchase()
                then
                    actions.bonus(%d, "TASK", "fixed bonus");
                end
                """.formatted(points, points));
    }

    @Test
    void compilingTheSameFilesTwiceReusesTheCompiledProgram() {
        LoyaltyEngine engine = new LoyaltyEngine();
        CompiledProgram first = engine.compile(bonusProgram(7)).orThrow();
        CompiledProgram second = engine.compile(bonusProgram(7)).orThrow();
        assertThat(second).isSameAs(first);
        assertThat(engine.cacheStats().hits()).isEqualTo(1);
        assertThat(engine.cacheStats().misses()).isEqualTo(1);
    }

    @Test
    void storedVersionIsCompiledFromItsHashWithoutReloadingFilesWhenCached() {
        LoyaltyEngine engine = new LoyaltyEngine();
        RuleSet files = bonusProgram(9);
        CompiledProgram compiled = engine.compile(files).orThrow();
        CompiledProgram byHash = engine.compile(files.contentHash(), () -> {
            throw new AssertionError("files must not be loaded on a cache hit");
        }).orThrow();
        assertThat(byHash).isSameAs(compiled);
        assertThatThrownBy(() -> new LoyaltyEngine().compile("0".repeat(64), () -> files))
                .hasMessageContaining("expected " + "0".repeat(64));
    }

    @Test
    void leastRecentlyUsedProgramIsEvictedBeyondCapacity() {
        LoyaltyEngine engine = new LoyaltyEngine(new EngineOptions(10_000, 2));
        CompiledProgram one = engine.compile(bonusProgram(1)).orThrow();
        engine.compile(bonusProgram(2)).orThrow();
        engine.compile(bonusProgram(1)).orThrow(); // touch 1, so 2 is the eldest
        engine.compile(bonusProgram(3)).orThrow();
        assertThat(engine.cacheStats().size()).isEqualTo(2);
        assertThat(engine.cacheStats().evictions()).isEqualTo(1);
        assertThat(engine.compile(bonusProgram(1)).orThrow()).isSameAs(one);
    }

    @Test
    void parallelCompilesOfDifferentRuleSetsNeverSeeEachOthersRules() throws Exception {
        LoyaltyEngine engine = new LoyaltyEngine();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> jobs = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                int points = i * 10;
                jobs.add(() -> engine.compile(bonusProgram(points)).orThrow()
                        .evaluatePurchase(context("REGULAR"), purchaseAt("2026-03-05T10:00:00", line("A", "x", "1.00")))
                        .orThrow().totalPoints());
            }
            List<Future<Long>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as("program %d awards its own bonus only", i + 1).isEqualTo((i + 1) * 10L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsForTheSameFilesShareOneCompilation() throws Exception {
        LoyaltyEngine engine = new LoyaltyEngine();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<CompiledProgram>> jobs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                jobs.add(() -> engine.compile(bonusProgram(42)).orThrow());
            }
            List<Future<CompiledProgram>> programs = pool.invokeAll(jobs);
            CompiledProgram first = programs.get(0).get();
            for (Future<CompiledProgram> p : programs) {
                assertThat(p.get()).isSameAs(first);
            }
            assertThat(engine.cacheStats().misses()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
