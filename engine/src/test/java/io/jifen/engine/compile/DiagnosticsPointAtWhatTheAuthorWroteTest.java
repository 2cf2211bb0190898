package io.jifen.engine.compile;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.LoyaltyEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticsPointAtWhatTheAuthorWroteTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();
    private static final String HEADER = """
            package jifen.diag;
            import io.jifen.engine.facts.*;
            global RuleActions actions;
            """;

    @Test
    void syntaxErrorInDrlNamesFileAndLineWithoutParserJunk() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("earning.drl", HEADER + """
                rule "broken"
                    ruleflow-group "base"
                when
                    Purchase(total >= )
                then
                    actions.pointsPerUnit(1, 1, "base");
                end
                """));
        assertThat(diagnostics).isNotEmpty().allSatisfy(d -> {
            assertThat(d.file()).isEqualTo("earning.drl");
            assertThat(d.line()).isEqualTo(7);
        });
        assertThat(diagnostics).noneMatch(d -> d.message().contains("null Package") || d.line() == 0);
    }

    @Test
    void unknownFieldIsReportedByTheBuildWithItsRule() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("earning.drl", HEADER + """
                rule "typo"
                    ruleflow-group "base"
                when
                    Purchase(totl >= 10)
                then
                    actions.pointsPerUnit(1, 1, "base");
                end
                """));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("earning.drl");
            assertThat(d.line()).isBetween(4, 7);
            assertThat(d.message()).contains("totl");
        });
    }

    @Test
    void everyBrokenFileIsReportedNotJustTheFirst() {
        List<Diagnostic> diagnostics = rejected(
                RuleFile.text("a.drl", HEADER + "rule \"a\" ruleflow-group \"base\" when Purchase( then end\n"),
                RuleFile.text("b.drl", HEADER + "rule \"b\" when Purchase() then end\n"));
        assertThat(diagnostics).extracting(Diagnostic::file).contains("a.drl", "b.drl");
    }

    @Test
    void sentenceMissingFromTheVocabularyIsReportedAtTheDslrLine() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("tasks.dslr", HEADER + """
                expander loyalty.dsl
                rule "register"
                    in phase bonus
                when
                    The member event is REGISTER
                    The moon is full
                then
                    Give 50 bonus points as a TASK bonus, because welcome
                end
                """));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("tasks.dslr");
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).isEqualTo("no sentence of the vocabulary matches: The moon is full");
        });
    }

    @Test
    void dslrWithoutAVocabularySpeaksTheShippedOne() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("tasks.dslr", """
                rule "x"
                    in phase bonus
                when
                    The moon is full
                then
                    Give 5 bonus points as a TASK bonus, because the moon is full
                end
                """));
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.message()).isEqualTo("no sentence of the vocabulary matches: The moon is full");
        });
    }

    @Test
    void errorInADecisionTableTemplatePointsAtItsCellOnceNotAtEveryRuleRow() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("threshold.csv", """
                "RuleSet","jifen.diag"
                "Import","io.jifen.engine.facts.*"
                "Variables","RuleActions actions"
                ,
                "RuleTable Threshold",
                "RULEFLOW-GROUP","CONDITION","ACTION"
                ,"Purchase","actions"
                ,"totl >= $param","bonus($param, ""THRESHOLD"", ""spend bonus"");"
                "Phase","Minimum","Bonus"
                "bonus","500","100"
                "bonus","1000","250"
                """));
        // `totl` is in the code row's template (B8), which rows 10 and 11 both use
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("threshold.csv");
            assertThat(d.cell()).isEqualTo("B8");
            assertThat(d.line()).isEqualTo(8);
        });
    }

    @Test
    void twoRulesWithTheSameNameAreRejectedInsteadOfTheLaterOneWinning() {
        String rule = """
                rule "welcome"
                    ruleflow-group "bonus"
                when
                    MemberEvent(type == "REGISTER")
                then
                    actions.bonus(%d, "TASK", "welcome");
                end
                """;
        List<Diagnostic> diagnostics = rejected(
                RuleFile.text("a.drl", HEADER + rule.formatted(50)),
                RuleFile.text("b.drl", HEADER.replace("jifen.diag", "jifen.other") + rule.formatted(500)));
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("b.drl");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.message()).contains("rule \"welcome\" is already defined at a.drl:4");
        });
    }

    @Test
    void fileOfUnknownKindIsRejectedByName() {
        List<Diagnostic> diagnostics = rejected(RuleFile.text("notes.txt", "hello"));
        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("notes.txt");
            assertThat(d.message()).contains("*.drl, *.dslr");
        });
    }

    @Test
    void dslrLinesAreKeptThroughExpansionSoAValidRuleCompiles() {
        CompilationResult result = ENGINE.compile(RuleSet.of(RuleFile.text("tasks.dslr", HEADER + """
                expander loyalty.dsl
                rule "register"
                    in phase bonus
                when
                    The member event is REGISTER
                then
                    Give 50 bonus points as a TASK bonus, because welcome to the program
                end
                """)));
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
    }

    @Test
    void conditionSentencesCombineInOneRule() {
        CompilationResult result = ENGINE.compile(RuleSet.of(RuleFile.text("combined.dslr", HEADER + """
                expander loyalty.dsl
                rule "big app basket on member day"
                    in phase bonus
                when
                    There is a purchase
                    The purchase total is at least 500
                    The purchase was made in channel APP
                    Today is day 10 of the month
                then
                    Give 20 bonus points as a THRESHOLD bonus, because app basket on member day
                end

                rule "gold coupon price"
                    in phase discount
                when
                    There is a quote request
                    The item is of type COUPON
                    The item is in category vouchers
                    The member is in tier GOLD
                then
                    Take 10 percent off the points price as a TIER_DISCOUNT discount, because gold
                end
                """)));
        assertThat(result).isInstanceOf(CompilationResult.Compiled.class);
    }

    private static List<Diagnostic> rejected(RuleFile... files) {
        CompilationResult result = ENGINE.compile(RuleSet.of(files));
        assertThat(result).as("rule set must be rejected").isInstanceOf(CompilationResult.Rejected.class);
        return ((CompilationResult.Rejected) result).diagnostics();
    }
}
