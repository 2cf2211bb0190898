package io.jifen.rules.bench;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import io.jifen.engine.facts.Purchase;
import io.jifen.engine.scenario.Suite;
import io.jifen.rules.ReferenceProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
                EvaluationContext context = new EvaluationContext(zone, policy(suite.policy()),
                        member(scenario.given()), activity(scenario.given()));
                Purchase purchase = purchase(scenario.when().purchase(), zone);
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

    private static ProgramPolicy policy(Suite.PolicySpec spec) {
        if (spec == null) {
            return ProgramPolicy.DEFAULT;
        }
        return new ProgramPolicy(
                spec.rounding() == null ? RoundingMode.DOWN : RoundingMode.valueOf(spec.rounding()),
                spec.stacking() == null ? ProgramPolicy.MultiplierStacking.ADDITIVE
                        : ProgramPolicy.MultiplierStacking.valueOf(spec.stacking()));
    }

    private static Member member(Suite.Given given) {
        Suite.MemberSpec m = given == null ? null : given.member();
        if (m == null) {
            return new Member("member-1", "", Member.ACTIVE, null, null, Map.of());
        }
        return new Member(m.id() == null ? "member-1" : m.id(), m.tier(), m.status(),
                m.enrolledOn() == null ? LocalDate.of(2025, 1, 1) : m.enrolledOn(), m.birthday(), m.attributes());
    }

    private static MemberActivity activity(Suite.Given given) {
        Suite.ActivitySpec a = given == null ? null : given.activity();
        if (a == null) {
            return MemberActivity.none();
        }
        return new MemberActivity(a.rolling12MonthSpend(), a.spendThisYear(),
                a.pointsEarnedToday() == null ? 0 : a.pointsEarnedToday(),
                a.pointsEarnedThisMonth() == null ? 0 : a.pointsEarnedThisMonth(), a.eventsToday(), a.eventsThisMonth());
    }

    private static Purchase purchase(Suite.PurchaseSpec p, ZoneId zone) {
        List<LineItem> lines = new ArrayList<>();
        if (p.lines() != null) {
            for (Suite.LineSpec l : p.lines()) {
                int quantity = l.quantity() == null ? 1 : l.quantity();
                BigDecimal amount = l.amount() != null ? l.amount()
                        : l.unitPrice() == null ? null : l.unitPrice().multiply(BigDecimal.valueOf(quantity));
                lines.add(new LineItem(l.sku() == null ? "" : l.sku(), l.category(), quantity, l.unitPrice(), amount));
            }
        }
        return new Purchase(p.id() == null ? "purchase-1" : p.id(), instant(p.at(), zone), zone, p.channel(),
                p.store(), p.total(), p.currency() == null ? "CNY" : p.currency(), lines);
    }

    private static Instant instant(String at, ZoneId zone) {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            return LocalDateTime.parse(at).atZone(zone).toInstant();
        }
    }
}
