package io.jifen.engine.compile;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.evaluation.EarningOutcome;
import org.junit.jupiter.api.Test;

import static io.jifen.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A DSLR file may be rules only: the engine supplies the package, the fact imports, the actions global and
 * the shipped vocabulary; header sentences apply in rule headers only, never in a name, a reason or a condition.
 */
class DslrFilesNeedNoBoilerplateTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();

    @Test
    void aFileOfRulesAloneCompilesWithTheShippedVocabulary() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("earning.dslr", """
                rule "earn 1 point per yuan"
                    in phase base
                when
                    There is a purchase
                then
                    Earn 1 point per 1 spent, because 1 point per yuan
                end
                """))).orThrow();

        assertThat(evaluate(program, "120.00").totalPoints()).isEqualTo(120);
    }

    @Test
    void aFileThatStatesItsPackageButNotTheRestGetsTheImportsAndTheGlobal() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("earning.dslr", """
                package shop.rules;

                rule "earn 2 points per yuan"
                    in phase base
                when
                    There is a purchase
                then
                    Earn 2 points per 1 spent, because 2 points per yuan
                end
                """))).orThrow();

        assertThat(evaluate(program, "10.00").totalPoints()).isEqualTo(20);
    }

    @Test
    void headerWordsInANameOrAReasonStayAsWritten() {
        CompiledProgram program = ENGINE.compile(RuleSet.of(RuleFile.text("earning.dslr", """
                rule "points in phase one, checked with priority 5"
                    in phase base
                    checked with priority 5
                when
                    There is a purchase
                then
                    Earn 1 point per 1 spent, because only one rule of group x applies in phase base
                end
                """))).orThrow();

        EarningOutcome outcome = evaluate(program, "10.00");
        assertThat(outcome.awards()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("points in phase one, checked with priority 5");
            assertThat(a.reason()).isEqualTo("only one rule of group x applies in phase base");
        });
    }

    @Test
    void aDiagnosticInAFileWithoutHeaderPointsAtTheLineAsWritten() {
        CompilationResult result = ENGINE.compile(RuleSet.of(RuleFile.text("earning.dslr", """
                rule "typo"
                    in phase base
                when
                    There is a purchaze
                then
                    Earn 1 point per 1 spent, because 1 point per yuan
                end
                """)));

        assertThat(result).isInstanceOf(CompilationResult.Rejected.class);
        assertThat(((CompilationResult.Rejected) result).diagnostics())
                .anySatisfy(d -> assertThat(d.file() + ":" + d.line()).isEqualTo("earning.dslr:4"));
    }

    private static EarningOutcome evaluate(CompiledProgram program, String total) {
        return program.evaluatePurchase(context("REGULAR"), purchaseAt("2026-03-05T10:00:00",
                line("A", "grocery", total))).orThrow();
    }
}
