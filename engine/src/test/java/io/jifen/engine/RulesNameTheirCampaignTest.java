package io.jifen.engine;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.evaluation.Award;
import io.jifen.engine.evaluation.EarningOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule names its campaign in every authoring form, and each of its awards carries the campaign's code. */
class RulesNameTheirCampaignTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();
    private static final String BASE = """
            rule "base rate"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(1, 1, "1 point per yuan");
            end
            """;

    @Test
    void aDrlRuleNamesItsCampaignAsMetadataAfterItsName() {
        CompiledProgram program = ENGINE.compile(drl("earning.drl", BASE + """
                rule "year-end bonus" @campaign("year-end")
                    ruleflow-group "bonus"
                when
                    Purchase(total >= 500)
                then
                    actions.bonus(100, "THRESHOLD", "year-end: 100 points from 500 yuan");
                end
                """)).orThrow();

        assertThat(campaigns(evaluate(program, "600.00"))).containsExactly("base rate: -", "year-end bonus: year-end");
    }

    @Test
    void aDrlRuleMayNameItsCampaignAfterItsAttributes() {
        CompiledProgram program = ENGINE.compile(drl("earning.drl", BASE + """
                rule "member day"
                    ruleflow-group "multiplier"
                    @campaign( "member-day" )
                when
                    Purchase()
                then
                    actions.multiplier(2, "MEMBER_DAY", "member day: double points");
                end
                """)).orThrow();

        assertThat(campaigns(evaluate(program, "100.00"))).containsExactly("base rate: -", "member day: member-day");
    }

    @Test
    void aDslSentenceInTheRuleHeaderNamesItsCampaign() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("bonus.dslr", """
                package jifen.test;
                import io.jifen.engine.facts.*;
                global RuleActions actions;
                expander loyalty.dsl

                rule "year-end bonus"
                    in phase bonus
                    belongs to campaign year-end
                when
                    The purchase total is at least 500
                then
                    Give 100 bonus points as a THRESHOLD bonus, because year-end spend bonus
                end
                """))).orThrow();

        assertThat(campaigns(evaluate(program, "500.00"))).containsExactly("year-end bonus: year-end");
    }

    @Test
    void aDecisionTableNamesTheCampaignOfEachRowInAMetadataColumn() {
        String csv = """
                RuleSet,jifen.tables
                Import,io.jifen.engine.facts.*
                Variables,RuleActions actions
                ,
                RuleTable Spend Threshold
                NAME,RULEFLOW-GROUP,METADATA,CONDITION,ACTION
                ,,,Purchase,actions
                ,,"campaign(""$param"")",total >= $param,"bonus($param, ""THRESHOLD"", ""spend threshold bonus"");"
                Rule,Phase,Campaign,Minimum spend,Bonus points
                spend 500 in the year-end campaign,bonus,year-end,500,100
                spend 300 all year,bonus,,300,10
                """;
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("threshold.csv", csv))).orThrow();

        assertThat(campaigns(evaluate(program, "600.00")))
                .containsExactlyInAnyOrder("spend 500 in the year-end campaign: year-end", "spend 300 all year: -");
    }

    @Test
    void aRuleWithoutCampaignBelongsToNone() {
        CompiledProgram program = ENGINE.compile(drl("earning.drl", BASE)).orThrow();

        assertThat(evaluate(program, "10.00").awards()).extracting(Award::campaign).containsOnlyNulls();
    }

    private static EarningOutcome evaluate(CompiledProgram program, String total) {
        return program.evaluatePurchase(context("REGULAR"), purchaseAt("2026-11-20T10:00:00",
                line("A", "grocery", total))).orThrow();
    }

    private static List<String> campaigns(EarningOutcome outcome) {
        return outcome.awards().stream().map(a -> a.rule() + ": " + (a.campaign() == null ? "-" : a.campaign())).toList();
    }
}
