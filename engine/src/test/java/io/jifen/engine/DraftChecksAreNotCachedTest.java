package io.jifen.engine;

import io.jifen.engine.compile.RuleDefinition;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.evaluation.Phase;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link LoyaltyEngine#check}: what an editor's live compile uses. */
class DraftChecksAreNotCachedTest {
    private static final String GOOD = """
            rule "earn 1 point per yuan"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(1, 1, "base");
            end
            """;

    @Test
    void aDraftThatCompilesListsItsRulesAndIsNotCached() {
        LoyaltyEngine engine = new LoyaltyEngine();
        RuleSet draft = drl("earning.drl", GOOD);
        CompilationResult result = engine.check(draft, WhenBusy.REFUSE);
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
        // HEADER is 3 lines, so the rule starts on line 4
        assertThat(result.orThrow().rules()).containsExactly(
                new RuleDefinition("earn 1 point per yuan", Phase.BASE, "earning.drl", 4));
        assertThat(engine.isCached(draft.contentHash())).isFalse();
        assertThat(engine.cacheStats().misses()).isZero();
    }

    @Test
    void aRejectedDraftStillListsTheRulesItRead() {
        LoyaltyEngine engine = new LoyaltyEngine();
        CompilationResult result = engine.check(drl("earning.drl", GOOD + """

                rule "typo"
                    ruleflow-group "bonus"
                when
                    Purchase(totl >= 10)
                then
                    actions.bonus(5, "TASK", "typo");
                end
                """), WhenBusy.REFUSE);
        assertThat(result).isInstanceOf(CompilationResult.Rejected.class);
        CompilationResult.Rejected rejected = (CompilationResult.Rejected) result;
        assertThat(rejected.diagnostics()).isNotEmpty().allSatisfy(d -> assertThat(d.message()).contains("totl"));
        assertThat(rejected.rules()).extracting(RuleDefinition::name, RuleDefinition::phase, RuleDefinition::line)
                .containsExactly(Tuple.tuple("earn 1 point per yuan", Phase.BASE, 4),
                        Tuple.tuple("typo", Phase.BONUS, 12));
    }

    @Test
    void filesCompiledAlreadyAreAnsweredFromTheCacheEvenWhenNoCompileSlotIsFree() throws Exception {
        RuleSet other = drl("other.drl", GOOD.replace("earn 1", "earn one"));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // holds only the compile of `other`, so the one slot stays taken while the test asks
        CompileHook holdOther = new CompileHook() {
            @Override
            public void compiling(String contentHash) {
                if (contentHash.equals(other.contentHash())) {
                    holding.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        LoyaltyEngine engine = new LoyaltyEngine(EngineOptions.DEFAULT.withMaxConcurrentCompiles(1),
                InstantSource.system(), holdOther);
        RuleSet stored = drl("earning.drl", GOOD);
        CompiledProgram program = engine.compile(stored).orThrow();
        Thread holder = new Thread(() -> engine.compile(other));
        holder.start();
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.check(drl("third.drl", GOOD.replace("earn 1", "earn 3")), WhenBusy.REFUSE))
                    .isInstanceOf(CompilationResult.Busy.class);
            assertThat(engine.check(stored, WhenBusy.REFUSE).orThrow()).isSameAs(program);
        } finally {
            release.countDown();
            holder.join(30_000);
        }
    }
}
