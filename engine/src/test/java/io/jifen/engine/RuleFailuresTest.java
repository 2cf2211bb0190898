package io.jifen.engine;

import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.Evaluation;
import io.jifen.engine.evaluation.InputProblem;
import io.jifen.engine.facts.LineItem;
import io.jifen.engine.facts.Purchase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Runaway rules, rules that contradict each other, rules that misuse actions, and bad input. */
class RuleFailuresTest {

    @Test
    void aCrossProductOfLinesIsStoppedAtTheFiringCapWithAClearError() {
        // rules cannot re-activate each other (insert, update and modify are refused), but a rule
        // matching every pair of lines fires lines² times: 30 lines, 900 firings, over a cap of 500
        LoyaltyEngine engine = new LoyaltyEngine(new EngineOptions(500, 8));
        CompiledProgram program = engine.compile(drl("pairs.drl", """
                rule "forever"
                    ruleflow-group "bonus"
                when
                    LineItem()
                    LineItem()
                then
                    actions.bonus(1, "TASK", "a pair of lines");
                end
                """)).orThrow();
        LineItem[] lines = new LineItem[30];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = line("SKU-" + i, "grocery", "1.00");
        }
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", lines));
        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(Evaluation.FailureKind.FIRING_LIMIT);
            assertThat(failed.rule()).isEqualTo("forever");
            assertThat(failed.message()).contains("more than 500 times");
        });
    }

    @Test
    void twoRulesNamingDifferentTiersAreAConflictNotLastOneWins() {
        CompiledProgram program = new LoyaltyEngine().compile(drl("tiers.drl", """
                rule "gold on spend"
                    ruleflow-group "tier"
                when
                    MemberActivity(qualifyingSpend >= 100)
                then
                    actions.assignTier("GOLD", "spent 100");
                end

                rule "silver on spend"
                    ruleflow-group "tier"
                when
                    MemberActivity(qualifyingSpend >= 50)
                then
                    actions.assignTier("SILVER", "spent 50");
                end
                """)).orThrow();
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "120.00")));
        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(Evaluation.FailureKind.CONFLICT);
            assertThat(failed.message()).contains("gold on spend").contains("silver on spend");
        });
    }

    @Test
    void bonusStatedFromATierRuleFailsNamingThePhases() {
        CompiledProgram program = new LoyaltyEngine().compile(drl("misplaced.drl", """
                rule "tier bonus"
                    ruleflow-group "tier"
                when
                    Member()
                then
                    actions.bonus(10, "TASK", "misplaced");
                end
                """)).orThrow();
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "1.00")));
        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(Evaluation.FailureKind.RULE_ERROR);
            assertThat(failed.rule()).isEqualTo("tier bonus");
            assertThat(failed.message()).contains("phase \"tier\"").contains("belongs in phase \"bonus\"");
        });
    }

    @Test
    void negativeBonusFailsTheEvaluationWithTheRuleName() {
        CompiledProgram program = new LoyaltyEngine().compile(drl("negative.drl", """
                rule "take points"
                    ruleflow-group "bonus"
                when
                    Purchase()
                then
                    actions.bonus(-5, "TASK", "sneaky");
                end
                """)).orThrow();
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "1.00")));
        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.rule()).isEqualTo("take points");
            assertThat(failed.message()).contains("must not be negative");
        });
    }

    @Test
    void zeroNegativeAndOverPreciseAmountsAreRefusedNamingTheField() {
        CompiledProgram program = onePointPerYuan();
        assertThat(refusedFields(program, purchase(null, line("A", "grocery", "0.00")))).contains("purchase.total");
        assertThat(refusedFields(program, purchase(null, line("A", "grocery", "-5.00"))))
                .contains("purchase.lines[0].amount", "purchase.total");
        assertThat(refusedFields(program, purchase(null, line("A", "grocery", "1.005")))).contains("purchase.lines[0].amount");
        assertThat(refusedFields(program, purchase(new BigDecimal("50.00"), line("A", "grocery", "40.00"))))
                .containsExactly("purchase.total");
    }

    @Test
    void amountsBeyondTheLedgerAndBasketsBeyond500LinesAreRefusedBeforeAnyRuleRuns() {
        CompiledProgram program = onePointPerYuan();
        // 1E+1500000000 is a valid decimal whose plain text is 1.5 GB: refused without ever printing it
        assertThat(refusedFields(program, purchase(new BigDecimal("1E+1500000000"))))
                .containsExactly("purchase.total");
        assertThat(refusedFields(program, purchase(null, line("A", "grocery", "1000000000000000.00"))))
                .contains("purchase.lines[0].amount");
        LineItem[] basket = new LineItem[501];
        for (int i = 0; i < basket.length; i++) {
            basket[i] = line("SKU-" + i, "grocery", "1.00");
        }
        assertThat(refusedFields(program, purchase(new BigDecimal("501.00"), basket))).containsExactly("purchase.lines");
    }

    @Test
    void pointsPastWhatALedgerHoldsFailTheEvaluationInsteadOfOverflowing() {
        CompiledProgram program = new LoyaltyEngine().compile(drl("huge.drl", """
                rule "huge bonus"
                    ruleflow-group "bonus"
                when
                    Purchase()
                then
                    actions.bonus(9223372036854775807L, "TASK", "as many as a long holds");
                end
                rule "huge rate"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(10000, 1, "ten thousand a yuan");
                end
                """)).orThrow();
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"),
                purchase(new BigDecimal("999999999999999.99"), line("A", "grocery", "999999999999999.99")));
        assertThat(evaluation).isInstanceOfSatisfying(Evaluation.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(Evaluation.FailureKind.RULE_ERROR);
            assertThat(failed.message()).contains("the points come to more than 1000000000000");
        });
    }

    private static CompiledProgram onePointPerYuan() {
        return new LoyaltyEngine().compile(drl("base.drl", """
                rule "base"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(1, 1, "base");
                end
                """)).orThrow();
    }

    private static Purchase purchase(BigDecimal total, LineItem... lines) {
        return new Purchase("p", Instant.parse("2026-03-05T02:00:00Z"), SHANGHAI, "POS", "s", total, "CNY", List.of(lines));
    }

    private static List<String> refusedFields(CompiledProgram program, Purchase purchase) {
        Evaluation<EarningOutcome> evaluation = program.evaluatePurchase(context("REGULAR"), purchase);
        assertThat(evaluation).isInstanceOf(Evaluation.Refused.class);
        return ((Evaluation.Refused<EarningOutcome>) evaluation).problems().stream().map(InputProblem::field).toList();
    }
}
