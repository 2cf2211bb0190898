package io.jifen.engine;

import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.Phase;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.MemberActivity;
import org.junit.jupiter.api.Test;

import java.math.RoundingMode;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** How intents become whole points: stacking, per-line rates, caps, rounding. */
class EarningArithmeticTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();
    private static final CompiledProgram PROGRAM = ENGINE.compile(drl("program.drl", """
            rule "base rate"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(1, 1, "1 point per yuan");
            end

            rule "tobacco earns nothing"
                ruleflow-group "base"
            when
                $line : LineItem(category == "tobacco")
            then
                actions.excludeLine($line, "tobacco is excluded by law");
            end

            rule "household earns double"
                ruleflow-group "base"
            when
                $line : LineItem(category == "household")
            then
                actions.lineMultiplier($line, 2, "household goods are high margin");
            end

            rule "silver"
                ruleflow-group "multiplier"
            when
                Member(tier == "SILVER")
            then
                actions.multiplier(1.5, "TIER", "silver earns 1.5 times");
            end

            rule "member day"
                ruleflow-group "multiplier"
            when
                ProgramCalendar(dayOfMonth == 10)
            then
                actions.multiplier(2, "MEMBER_DAY", "member day");
            end

            rule "big basket"
                ruleflow-group "bonus"
            when
                Purchase(total >= 500)
            then
                actions.bonus(100, "THRESHOLD", "spend 500, get 100");
            end

            rule "cap"
                ruleflow-group "cap"
            when
                Purchase()
            then
                actions.capTotal(1000, "at most 1000 points per purchase");
            end
            """)).orThrow();

    @Test
    void fractionalPointsAreRoundedDownByDefault() {
        EarningOutcome outcome = PROGRAM.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "99.99"))).orThrow();
        assertThat(outcome.totalPoints()).isEqualTo(99);
    }

    @Test
    void programMayRoundHalfUpInstead() {
        EvaluationContext halfUp = new EvaluationContext(SHANGHAI,
                new ProgramPolicy(RoundingMode.HALF_UP, ProgramPolicy.MultiplierStacking.ADDITIVE),
                member("SILVER"), MemberActivity.none());
        EarningOutcome outcome = PROGRAM.evaluatePurchase(halfUp,
                purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "33.00"))).orThrow();
        // silver adds 33 * 0.5 = 16.5 → 17 half up (16 by default)
        assertThat(outcome.pointsBy("silver")).isEqualTo(17);
    }

    @Test
    void silverMemberOnMemberDayGetsBothMultipliersAddedOnTheBasePoints() {
        EarningOutcome outcome = PROGRAM.evaluatePurchase(context("SILVER"),
                purchaseAt("2026-03-10T10:00:00", line("A", "grocery", "100.00"))).orThrow();
        assertThat(outcome.pointsBy("base rate")).isEqualTo(100);
        assertThat(outcome.pointsBy("silver")).isEqualTo(50);
        assertThat(outcome.pointsBy("member day")).isEqualTo(100);
        assertThat(outcome.totalPoints()).isEqualTo(250);
    }

    @Test
    void compoundStackingMultipliesTheMultipliers() {
        EvaluationContext compound = new EvaluationContext(SHANGHAI,
                new ProgramPolicy(RoundingMode.DOWN, ProgramPolicy.MultiplierStacking.COMPOUND),
                member("SILVER"), MemberActivity.none());
        EarningOutcome outcome = PROGRAM.evaluatePurchase(compound,
                purchaseAt("2026-03-10T10:00:00", line("A", "grocery", "100.00"))).orThrow();
        assertThat(outcome.totalPoints()).isEqualTo(300);
    }

    @Test
    void excludedLineEarnsNothingAndCategoryMultiplierAddsItsOwnAward() {
        EarningOutcome outcome = PROGRAM.evaluatePurchase(context("REGULAR"), purchaseAt("2026-03-05T10:00:00",
                line("CIG", "tobacco", "50.00"), line("SOAP", "household", "20.00"), line("RICE", "grocery", "30.00"))).orThrow();
        assertThat(outcome.pointsBy("base rate")).isEqualTo(50);
        assertThat(outcome.pointsBy("household earns double")).isEqualTo(20);
        assertThat(outcome.awards()).filteredOn(a -> a.rule().equals("household earns double"))
                .extracting(Award::family).containsExactly("CATEGORY");
        assertThat(outcome.lineNotes()).anySatisfy(n -> {
            assertThat(n.sku()).isEqualTo("CIG");
            assertThat(n.kind()).isEqualTo("EXCLUDED");
            assertThat(n.reason()).isEqualTo("tobacco is excluded by law");
        });
        assertThat(outcome.totalPoints()).isEqualTo(70);
    }

    @Test
    void capCutsTheTotalAndRecordsWhatWasCut() {
        EarningOutcome outcome = PROGRAM.evaluatePurchase(context("REGULAR"),
                purchaseAt("2026-03-05T10:00:00", line("TV", "electronics", "1500.00"))).orThrow();
        assertThat(outcome.totalPoints()).isEqualTo(1000);
        assertThat(outcome.awards()).last().satisfies(cap -> {
            assertThat(cap.family()).isEqualTo("CAP");
            assertThat(cap.phase()).isEqualTo(Phase.CAP);
            assertThat(cap.points()).isEqualTo(-600);
            assertThat(cap.reason()).contains("600 points over the cap of 1000");
        });
    }

    @Test
    void everyAwardNamesItsRulePhaseAndReasonInPhaseOrder() {
        EarningOutcome outcome = PROGRAM.evaluatePurchase(context("SILVER"),
                purchaseAt("2026-03-10T10:00:00", line("A", "grocery", "600.00"))).orThrow();
        assertThat(outcome.awards()).extracting(Award::phase)
                .containsExactly(Phase.BASE, Phase.MULTIPLIER, Phase.MULTIPLIER, Phase.BONUS, Phase.CAP);
        assertThat(outcome.awards()).allSatisfy(a -> assertThat(a.reason()).isNotBlank());
        assertThat(outcome.firedRules()).extracting(f -> f.rule())
                .containsExactly("base rate", "silver", "member day", "big basket", "cap");
    }
}
