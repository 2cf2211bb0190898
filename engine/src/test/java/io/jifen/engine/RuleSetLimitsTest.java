package io.jifen.engine;

import io.jifen.engine.compile.Diagnostic;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSetLimits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jifen.engine.Fixtures.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule sets over a {@link RuleSetLimits} limit are rejected before Drools builds them, naming file and line or row. */
class RuleSetLimitsTest {

    private static LoyaltyEngine engine(RuleSetLimits limits) {
        return new LoyaltyEngine(EngineOptions.DEFAULT.withRuleSetLimits(limits));
    }

    private static String bonusRules(int from, int count) {
        StringBuilder drl = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            drl.append("""
                    rule "bonus %d"
                        ruleflow-group "bonus"
                    when
                        Purchase()
                    then
                        actions.bonus(%d, "TASK", "bonus");
                    end
                    """.formatted(i, i));
        }
        return drl.toString();
    }

    private static List<Diagnostic> rejected(CompilationResult result) {
        assertThat(result).isInstanceOf(CompilationResult.Rejected.class);
        return ((CompilationResult.Rejected) result).diagnostics();
    }

    @Test
    void aRuleSetWithMoreRulesThanTheLimitIsRejectedAtTheFirstRuleOverIt() {
        // 2 rules in a.drl, 3 in b.drl: with a limit of 4 the fifth rule, b.drl's third, is over it
        RuleSet ruleSet = RuleSet.of(RuleFile.text("a.drl", HEADER + bonusRules(1, 2)),
                RuleFile.text("b.drl", HEADER + bonusRules(3, 3)));
        List<Diagnostic> diagnostics = rejected(engine(new RuleSetLimits(4, 1_000, 100_000, 100_000)).compile(ruleSet));
        int thirdRuleOfB = HEADER.split("\n").length + 1 + 2 * 7;
        assertThat(diagnostics).containsExactly(new Diagnostic("b.drl", thirdRuleOfB, 0,
                "the rule set has 5 rules, more than the limit of 4 rules per rule set; rule 5 starts here"));

        assertThat(engine(new RuleSetLimits(5, 1_000, 100_000, 100_000)).compile(ruleSet))
                .as("exactly at the limit").isInstanceOf(CompilationResult.Compiled.class);
    }

    @Test
    void rulesOfDecisionTablesAndDslrCountTowardsTheRuleLimit() {
        RuleSet ruleSet = RuleSet.of(Tables.categoryRates("rates.csv", "cat", 3), RuleFile.text("tasks.dslr", """
                package jifen.test;
                import io.jifen.engine.facts.*;
                global RuleActions actions;
                expander loyalty.dsl
                rule "registering earns 50 points"
                    in phase bonus
                when
                    The member event is REGISTER
                then
                    Give 50 bonus points as a TASK bonus, because welcome to the program
                end
                """));
        List<Diagnostic> diagnostics = rejected(engine(new RuleSetLimits(3, 1_000, 100_000, 100_000)).compile(ruleSet));
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.message()).contains("4 rules, more than the limit of 3");
            assertThat(d.file()).isIn("rates.csv", "tasks.dslr");
            assertThat(d.line()).isPositive();
        });
    }

    @Test
    void aTableWithMoreRowsThanTheLimitIsRejectedAtTheFirstRowOverItBeforeAnythingElseIsChecked() {
        // row 8 onwards would not even compile: had the table been parsed and built, its error would show
        String table = Tables.categoryRates("rates.csv", "cat", 7).text()
                + "category broken earns double,base,broken,\"2, x\"); System.exit(0); //\"\n";
        RuleSet ruleSet = RuleSet.of(RuleFile.text("rates.csv", table));
        List<Diagnostic> diagnostics = rejected(engine(new RuleSetLimits(1_000, 5, 100_000, 100_000)).compile(ruleSet));
        assertThat(diagnostics).containsExactly(new Diagnostic("rates.csv", Tables.FIRST_RULE_ROW + 5, 0,
                "this row is rule 6 of the table, over the limit of 5 rule rows per decision table: split the table or remove rows"));
    }

    @Test
    void aTableExactlyAtTheRowLimitCompiles() {
        RuleSet ruleSet = RuleSet.of(Tables.categoryRates("rates.csv", "cat", 5));
        assertThat(engine(new RuleSetLimits(1_000, 5, 100_000, 100_000)).compile(ruleSet).orThrow().ruleNames())
                .hasSize(5);
    }

    @Test
    void aFileOrARuleSetOverItsSizeLimitIsRejectedBeforeItIsRead() {
        RuleFile big = RuleFile.text("big.drl", HEADER + bonusRules(1, 20));
        RuleFile small = RuleFile.text("small.drl", HEADER + bonusRules(100, 1));
        long bigSize = big.content().length;

        assertThat(rejected(engine(new RuleSetLimits(1_000, 1_000, bigSize - 1, 1_000_000)).compile(RuleSet.of(big, small))))
                .containsExactly(new Diagnostic("big.drl", 0, 0, "the file has " + bigSize
                        + " bytes, more than the limit of " + (bigSize - 1) + " bytes per rule file"));

        long total = bigSize + small.content().length;
        assertThat(rejected(engine(new RuleSetLimits(1_000, 1_000, bigSize, total - 1)).compile(RuleSet.of(big, small))))
                .containsExactly(new Diagnostic("(rule set)", 0, 0, "the rule files have " + total
                        + " bytes together, more than the limit of " + (total - 1) + " bytes per rule set"));

        assertThat(engine(new RuleSetLimits(1_000, 1_000, bigSize, total)).compile(RuleSet.of(big, small)))
                .isInstanceOf(CompilationResult.Compiled.class);
    }
}
