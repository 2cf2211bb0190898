package io.jifen.rules;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.scenario.RuleSetComparison;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-forms proof: the tier-qualification family written as DRL, CSV and XLSX, swapped in
 * for the DSLR original, passes the tier suite and decides every scenario of every suite exactly
 * as the original does.
 */
class TierQualificationFormsTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();
    private static CompiledProgram original;

    @BeforeAll
    static void compileTheOriginal() {
        original = ENGINE.compile(ReferenceProgram.ruleSet()).orThrow();
    }

    @TestFactory
    Stream<DynamicTest> tierQualificationDecidesTheSameInEveryAuthoringForm() {
        return ReferenceProgram.VARIANTS.stream().flatMap(variant -> Stream.of(
                DynamicTest.dynamicTest("the " + variant + " form has the rule names of the DSLR original", () -> {
                    CompiledProgram swapped = compile(variant);
                    assertThat(swapped.ruleNames()).containsExactlyInAnyOrderElementsOf(original.ruleNames());
                }),
                DynamicTest.dynamicTest("the tier suite passes with tier qualification written as " + variant, () -> {
                    SuiteReport report = SuiteRunner.run(compile(variant), ReferenceProgram.suite("tiers.yaml"));
                    assertThat(report.allPassed()).as(report.toText()).isTrue();
                }),
                DynamicTest.dynamicTest("the " + variant + " form changes no scenario of any suite", () -> {
                    CompiledProgram swapped = compile(variant);
                    assertThat(swapped.id()).isNotEqualTo(original.id());
                    for (Suite suite : ReferenceProgram.suites()) {
                        RuleSetComparison.Report comparison = RuleSetComparison.compare(original, swapped, suite);
                        assertThat(comparison.changed()).as(comparison.toText()).isEmpty();
                        assertThat(comparison.identical()).isTrue();
                    }
                })));
    }

    private static CompiledProgram compile(String variant) {
        return ENGINE.compile(ReferenceProgram.withVariant(variant)).orThrow();
    }
}
