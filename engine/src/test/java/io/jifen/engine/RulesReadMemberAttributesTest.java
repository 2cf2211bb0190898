package io.jifen.engine;

import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.evaluation.EvaluationContext;
import io.jifen.engine.evaluation.ProgramPolicy;
import io.jifen.engine.facts.Member;
import io.jifen.engine.facts.MemberActivity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules read the attributes integrators set on a member: in DRL through {@code attribute(name)}, in either
 * vocabulary through a sentence; a member without the attribute reads as {@code ""} and matches no value.
 */
class RulesReadMemberAttributesTest {
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
    void aDrlRuleReadsTheMembersCityAndOnlyShanghaiMembersGetItsBonus() {
        CompiledProgram program = ENGINE.compile(drl("earning.drl", BASE + """
                rule "Shanghai members' bonus"
                    ruleflow-group "bonus"
                when
                    Member(attribute("city") == "Shanghai")
                    Purchase()
                then
                    actions.bonus(50, "CITY", "50 points for Shanghai members");
                end
                """)).orThrow();

        assertThat(points(program, Map.of("city", "Shanghai"))).isEqualTo(150);
        assertThat(points(program, Map.of("city", "Beijing"))).isEqualTo(100);
        assertThat(points(program, Map.of())).isEqualTo(100);
    }

    @Test
    void theEnglishSentencesTestOneValueOrAList() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("bonus.dslr", """
                rule "base rate"
                    in phase base
                when
                    There is a purchase
                then
                    Earn 1 point per 1 spent, because 1 point per yuan
                end

                rule "app members' bonus"
                    in phase bonus
                when
                    There is a purchase
                    The member's attribute channel is APP
                then
                    Give 20 bonus points as a CHANNEL bonus, because members who joined in the app earn 20 more
                end

                rule "Yangtze delta bonus"
                    in phase bonus
                when
                    There is a purchase
                    The member's attribute city is one of "Shanghai", "Hangzhou"
                then
                    Give 30 bonus points as a CITY bonus, because the Yangtze delta stores' opening
                end
                """))).orThrow();

        assertThat(points(program, Map.of("channel", "APP", "city", "Hangzhou"))).isEqualTo(150);
        assertThat(points(program, Map.of("channel", "POS", "city", "Shanghai"))).isEqualTo(130);
        assertThat(points(program, Map.of("channel", "APP", "city", "Beijing"))).isEqualTo(120);
        assertThat(points(program, Map.of())).isEqualTo(100);
    }

    @Test
    void theChineseSentencesExpandAsTheirEnglishTwins() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("bonus.dslr", """
                expander loyalty-zh.dsl

                rule "base rate"
                    阶段 base
                when
                    有一笔消费
                then
                    每消费 1 元积 1 分 因为 1 point per yuan
                end

                rule "school bonus"
                    阶段 bonus
                when
                    有一笔消费
                    会员属性 school 为 Fudan
                then
                    赠送 20 奖励积分 记为 SCHOOL 奖励 因为 Fudan students earn 20 more
                end

                rule "city bonus"
                    阶段 bonus
                when
                    有一笔消费
                    会员属性 city 为以下之一 "Shanghai", "Hangzhou"
                then
                    赠送 30 奖励积分 记为 CITY 奖励 因为 Yangtze delta stores
                end
                """))).orThrow();

        assertThat(points(program, Map.of("school", "Fudan", "city", "Shanghai"))).isEqualTo(150);
        assertThat(points(program, Map.of("school", "Tongji", "city", "Beijing"))).isEqualTo(100);
    }

    private static long points(CompiledProgram program, Map<String, String> attributes) {
        EvaluationContext context = new EvaluationContext(SHANGHAI, ProgramPolicy.DEFAULT,
                new Member("m-1", "REGULAR", Member.ACTIVE, LocalDate.of(2025, 1, 1), null, attributes),
                MemberActivity.none());
        return program.evaluatePurchase(context, purchaseAt("2026-03-05T10:00:00", line("A", "grocery", "100.00")))
                .orThrow().totalPoints();
    }
}
