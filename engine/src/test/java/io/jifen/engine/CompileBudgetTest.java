package io.jifen.engine;

import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSetLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.jifen.engine.Fixtures.drl;
import static org.assertj.core.api.Assertions.assertThat;

/** Compile time limit and compiles at once: refusals are values, and an abandoned compile keeps its slot until it stops. */
class CompileBudgetTest {

    private static RuleSet bonus(int points) {
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
    void aCompilePastItsTimeLimitIsAbandonedNotCachedAndGivesItsSlotBackWhenItStops() throws Exception {
        // a 3,000-row table takes seconds to compile; 20 ms is far below what any machine needs
        RuleSet large = RuleSet.of(Tables.categoryRates("rates.csv", "cat", 3_000));
        CountDownLatch ended = new CountDownLatch(1);
        CompileHook watch = new CompileHook() {
            @Override
            public void compiling(String contentHash) {
            }

            @Override
            public void ended(String contentHash) {
                ended.countDown();
            }
        };
        LoyaltyEngine engine = new LoyaltyEngine(EngineOptions.DEFAULT
                .withRuleSetLimits(new RuleSetLimits(5_000, 5_000, 1_000_000, 1_000_000))
                .withCompileTimeout(Duration.ofMillis(20)).withMaxConcurrentCompiles(1), InstantSource.system(), watch);

        CompilationResult result = engine.compile(large);

        assertThat(result).isEqualTo(new CompilationResult.TimedOut(Duration.ofMillis(20)));
        assertThat(result.describe()).isEqualTo("not compiled: the rule set took longer than 20 ms to compile");
        assertThat(engine.isCached(large.contentHash())).as("a timed-out compile is not cached").isFalse();
        HeldCompiles.await(ended);
        assertThat(engine.compilesRunning()).as("the abandoned compile gave its slot back once it stopped").isZero();
        assertThat(engine.cacheStats().size()).isZero();
    }

    @Test
    void anAbandonedCompileThatDoesNotStopKeepsItsSlotSoTimeoutsCannotExceedTheLimit() throws Exception {
        HeldCompiles held = new HeldCompiles(1);
        LoyaltyEngine engine = new LoyaltyEngine(EngineOptions.DEFAULT.withCompileTimeout(Duration.ofMillis(200))
                .withMaxConcurrentCompiles(1), InstantSource.system(), held);

        assertThat(engine.compile(bonus(1))).isInstanceOf(CompilationResult.TimedOut.class);
        // the held compile ignores its interrupt, like a Drools build: it still holds the only slot
        assertThat(engine.compilesRunning()).isEqualTo(1);
        CompilationResult refused = engine.compile(bonus(2), WhenBusy.REFUSE);
        assertThat(refused).isInstanceOf(CompilationResult.Busy.class);
        assertThat(((CompilationResult.Busy) refused).concurrentCompiles()).isEqualTo(1);
        assertThat(((CompilationResult.Busy) refused).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(engine.compile(bonus(2), WhenBusy.WAIT)).as("waited its time limit for the slot")
                .isInstanceOf(CompilationResult.Busy.class);

        held.release();
        HeldCompiles.await(held.ended);
        assertThat(engine.compilesRunning()).isZero();
        assertThat(engine.isCached(bonus(1).contentHash())).as("its late result is discarded").isFalse();
    }

    @Test
    void aCompileGivesItsSlotBackBeforeItsCallerHearsTheResult() {
        // found by the service's tests: a caller compiling again at once was refused by its own last compile
        LoyaltyEngine engine = new LoyaltyEngine(EngineOptions.DEFAULT.withMaxConcurrentCompiles(1));
        for (int i = 0; i < 30; i++) {
            assertThat(engine.compile(bonus(100 + i), WhenBusy.REFUSE)).as("compile %d", i)
                    .isInstanceOf(CompilationResult.Compiled.class);
        }
    }

    @Test
    void compilesBeyondTheLimitAreRefusedOrWaitAsTheCallerChooses() throws Exception {
        HeldCompiles held = new HeldCompiles(2);
        LoyaltyEngine engine = new LoyaltyEngine(EngineOptions.DEFAULT.withCompileTimeout(Duration.ofSeconds(60))
                .withMaxConcurrentCompiles(2), InstantSource.system(), held);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<CompilationResult> first = callers.submit(() -> engine.compile(bonus(1), WhenBusy.REFUSE));
            Future<CompilationResult> second = callers.submit(() -> engine.compile(bonus(2), WhenBusy.REFUSE));
            HeldCompiles.await(held.started);

            CompilationResult third = engine.compile(bonus(3), WhenBusy.REFUSE);
            assertThat(third).isInstanceOf(CompilationResult.Busy.class);
            CompilationResult.Busy busy = (CompilationResult.Busy) third;
            assertThat(busy.concurrentCompiles()).isEqualTo(2);
            // both running compiles have almost all of their 60 s left
            assertThat(busy.retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
            assertThat(engine.isCached(bonus(3).contentHash())).as("a refusal is not cached").isFalse();

            Future<CompilationResult> waiting = callers.submit(() -> engine.compile(bonus(4), WhenBusy.WAIT));
            held.release();
            assertThat(first.get(30, TimeUnit.SECONDS)).isInstanceOf(CompilationResult.Compiled.class);
            assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(CompilationResult.Compiled.class);
            assertThat(waiting.get(30, TimeUnit.SECONDS)).as("got a slot once one was free")
                    .isInstanceOf(CompilationResult.Compiled.class);
            assertThat(engine.compile(bonus(3), WhenBusy.REFUSE)).isInstanceOf(CompilationResult.Compiled.class);
        } finally {
            held.release();
            callers.shutdownNow();
        }
    }
}
