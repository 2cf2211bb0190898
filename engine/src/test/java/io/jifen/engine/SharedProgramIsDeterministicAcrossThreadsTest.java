package io.jifen.engine;

import io.jifen.engine.evaluation.EarningOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SharedProgramIsDeterministicAcrossThreadsTest {

    @Test
    void manyThreadsEvaluatingOneProgramGetTheSameOutcomeAsOneThread() throws Exception {
        CompiledProgram program = new LoyaltyEngine().compile(drl("p.drl", """
                rule "base"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(1, 10, "1 point per 10 yuan");
                end

                rule "gold"
                    ruleflow-group "multiplier"
                when
                    Member(tier == "GOLD")
                then
                    actions.multiplier(2, "TIER", "gold");
                end

                rule "threshold"
                    ruleflow-group "bonus"
                when
                    Purchase(total >= 500)
                then
                    actions.bonus(100, "THRESHOLD", "500+");
                end
                """)).orThrow();
        EarningOutcome expected = program.evaluatePurchase(context("GOLD"),
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "555.50"))).orThrow();
        assertThat(expected.totalPoints()).isEqualTo(55 + 55 + 100);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<EarningOutcome>> jobs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                jobs.add(() -> program.evaluatePurchase(context("GOLD"),
                        purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "555.50"))).orThrow());
            }
            for (Future<EarningOutcome> outcome : pool.invokeAll(jobs)) {
                assertThat(outcome.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
