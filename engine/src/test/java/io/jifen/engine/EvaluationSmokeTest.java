package io.jifen.engine;

import io.jifen.engine.evaluation.EarningOutcome;
import org.junit.jupiter.api.Test;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class EvaluationSmokeTest {
    @Test
    void goldMemberEarnsDoublePointsOnMemberDay() {
        CompiledProgram program = new LoyaltyEngine().compile(drl("earning.drl", """
                rule "base rate"
                    ruleflow-group "base"
                when
                    Purchase()
                then
                    actions.pointsPerUnit(1, 1, "1 point per yuan");
                end

                rule "gold"
                    ruleflow-group "multiplier"
                when
                    Member(tier == "GOLD")
                then
                    actions.multiplier(2, "TIER", "gold earns double");
                end

                rule "member day"
                    ruleflow-group "multiplier"
                when
                    ProgramCalendar(dayOfMonth == 10)
                then
                    actions.multiplier(2, "MEMBER_DAY", "member day: double points");
                end
                """)).orThrow();

        EarningOutcome outcome = program.evaluatePurchase(context("GOLD"),
                purchaseAt("2026-03-10T12:00:00", line("A", "grocery", "120.50"))).orThrow();

        assertThat(outcome.totalPoints()).isEqualTo(360);
        assertThat(outcome.pointsBy("base rate")).isEqualTo(120);
        assertThat(outcome.pointsBy("gold")).isEqualTo(120);
        assertThat(outcome.pointsBy("member day")).isEqualTo(120);
    }
}
