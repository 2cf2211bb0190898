package io.jifen.rules.bench;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.facts.Purchase;
import io.jifen.engine.scenario.ScenarioFacts;
import io.jifen.engine.scenario.Suite;
import io.jifen.rules.ReferenceProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written program of the benchmarks gives the engine's total on every purchase scenario of
 * the reference suites that the engine completes (the invalid-input ones are refused before any
 * rule runs) and on every purchase of the benchmark set. Facts are built as ScenarioRunner builds them.
 */
class HandWrittenProgramMatchesTheRulesTest {
    private static CompiledProgram program;

    @BeforeAll
    static void compile() {
        program = new LoyaltyEngine().compile(ReferenceProgram.ruleSet()).orThrow();
    }

    @Test
    void sameTotalOnEveryPurchaseScenarioOfTheReferenceSuites() {
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (Suite suite : ReferenceProgram.suites()) {
            ZoneId zone = ZoneId.of(suite.zone() == null ? "UTC" : suite.zone());
            for (Suite.Scenario scenario : suite.scenarios()) {
                if (scenario.when() == null || scenario.when().purchase() == null) {
                    continue;
                }
                EvaluationContext context = ScenarioFacts.context(suite, scenario);
                Purchase purchase = ScenarioFacts.purchase(scenario.when().purchase(), zone);
                if (!(program.evaluatePurchase(context, purchase) instanceof Evaluation.Completed<EarningOutcome> done)) {
                    continue;
                }
                compared++;
                long hand = HandWrittenProgram.totalPoints(context, purchase);
                if (hand != done.value().totalPoints()) {
                    differences.add(suite.suite() + " / " + scenario.name() + ": engine "
                            + done.value().totalPoints() + ", hand-written " + hand);
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).as("purchase scenarios compared").isGreaterThanOrEqualTo(50);
    }

    @Test
    void sameTotalOnEveryPurchaseOfTheBenchmark() {
        List<String> differences = new ArrayList<>();
        long bonusOrCap = 0;
        for (BenchPurchases.Case c : BenchPurchases.cases()) {
            Evaluation<EarningOutcome> e = program.evaluatePurchase(c.context(), c.purchase());
            assertThat(e).as(c.purchase().toString()).isInstanceOf(Evaluation.Completed.class);
            EarningOutcome outcome = e.orThrow();
            long hand = HandWrittenProgram.totalPoints(c.context(), c.purchase());
            if (hand != outcome.totalPoints()) {
                differences.add(c.purchase() + " " + c.context().member() + ": engine " + outcome.totalPoints()
                        + ", hand-written " + hand + " " + outcome.awards());
            }
            bonusOrCap += outcome.awards().stream()
                    .filter(a -> a.family().equals("THRESHOLD") || a.family().equals("CAP")).count();
        }
        assertThat(differences).isEmpty();
        assertThat(bonusOrCap).as("threshold bonuses and caps in the benchmark set").isGreaterThan(5);
    }
}
