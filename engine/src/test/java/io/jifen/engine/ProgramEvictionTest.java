package io.jifen.engine;

import io.jifen.engine.compile.RuleSet;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.jifen.engine.Fixtures.drl;
import static org.assertj.core.api.Assertions.assertThat;

/** Programs neither kept (live, scheduled) nor recently used are evicted; kept ones never are; evicted ones compile again. */
class ProgramEvictionTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final InstantSource clock = () -> now.get();

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

    private LoyaltyEngine engine(int capacity) {
        return new LoyaltyEngine(new EngineOptions(10_000, capacity).withIdleTime(Duration.ofMinutes(10)), clock,
                CompileHook.NONE);
    }

    private void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Test
    void anIdleDraftIsEvictedButTheLiveProgramNeverIs() {
        LoyaltyEngine engine = engine(64);
        RuleSet live = bonus(1);
        RuleSet draft = bonus(2);
        RuleSet recent = bonus(3);
        engine.compile(live).orThrow();
        engine.compile(draft).orThrow();
        engine.compile(recent).orThrow();
        Set<String> keep = Set.of(live.contentHash());

        assertThat(engine.evictIdle(keep)).as("nothing is idle yet").isZero();
        advance(Duration.ofMinutes(9));
        engine.compile(recent).orThrow(); // used again: recently used from now
        advance(Duration.ofMinutes(2));

        assertThat(engine.evictIdle(keep)).isEqualTo(1);
        assertThat(engine.isCached(draft.contentHash())).isFalse();
        assertThat(engine.isCached(recent.contentHash())).as("used 2 minutes ago").isTrue();
        assertThat(engine.isCached(live.contentHash())).as("kept, though unused for 11 minutes").isTrue();

        advance(Duration.ofDays(30));
        assertThat(engine.evictIdle(keep)).isEqualTo(1);
        assertThat(engine.isCached(live.contentHash())).isTrue();
        assertThat(engine.cacheStats().evictions()).isEqualTo(2);
    }

    @Test
    void anEvictedProgramIsCompiledAgainFromItsStoredFilesOnNextUse() {
        LoyaltyEngine engine = engine(64);
        RuleSet draft = bonus(2);
        AtomicInteger loads = new AtomicInteger();
        CompiledProgram first = engine.compile(draft.contentHash(), () -> {
            loads.incrementAndGet();
            return draft;
        }).orThrow();
        advance(Duration.ofMinutes(11));
        assertThat(engine.evictIdle(Set.of())).isEqualTo(1);

        CompiledProgram again = engine.compile(draft.contentHash(), () -> {
            loads.incrementAndGet();
            return draft;
        }).orThrow();

        assertThat(again).isNotSameAs(first);
        assertThat(loads).as("the files were loaded again").hasValue(2);
        assertThat(engine.cacheStats().misses()).isEqualTo(2);
        assertThat(again.evaluatePurchase(Fixtures.context("REGULAR"),
                Fixtures.purchaseAt("2026-03-05T10:00:00", Fixtures.line("A", "x", "1.00"))).orThrow().totalPoints())
                .isEqualTo(2);
    }

    @Test
    void theCapacityBoundsOnlyProgramsThatAreNotKept() {
        LoyaltyEngine engine = engine(1);
        RuleSet live = bonus(1);
        RuleSet scheduled = bonus(2);
        engine.evictIdle(Set.of(live.contentHash(), scheduled.contentHash()));
        engine.compile(live).orThrow();
        engine.compile(scheduled).orThrow();
        engine.compile(bonus(3)).orThrow();
        engine.compile(bonus(4)).orThrow();

        assertThat(engine.isCached(live.contentHash())).isTrue();
        assertThat(engine.isCached(scheduled.contentHash())).isTrue();
        assertThat(engine.isCached(bonus(3).contentHash())).as("least recently used of the others").isFalse();
        assertThat(engine.isCached(bonus(4).contentHash())).isTrue();
        assertThat(engine.cacheStats().size()).isEqualTo(3);
    }

    @Test
    void nothingButTheCacheHoldsACompiledProgram() {
        // if the KIE repository, a container or a static cache kept it, its classes could never unload
        LoyaltyEngine engine = engine(64);
        WeakReference<CompiledProgram> program = new WeakReference<>(engine.compile(bonus(5)).orThrow());
        advance(Duration.ofMinutes(11));
        assertThat(engine.evictIdle(Set.of())).isEqualTo(1);

        for (int i = 0; i < 50 && program.get() != null; i++) {
            System.gc();
        }
        assertThat(program.get()).as("collected once evicted").isNull();
    }
}
