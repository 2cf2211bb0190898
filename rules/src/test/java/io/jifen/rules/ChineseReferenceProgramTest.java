package io.jifen.rules;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleText;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference program's DSLR rules written in Chinese sentences (loyalty-zh.dsl) are the same program:
 * every rule expands to the same DRL as its English twin, and every reference suite passes on it.
 */
class ChineseReferenceProgramTest {
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();

    @Test
    void everyRuleExpandsToTheSameDrlInEitherLanguage() {
        Map<String, String> english = drlByRule(ReferenceProgram.ruleSet());
        Map<String, String> chinese = drlByRule(ReferenceProgram.inChinese());

        assertThat(chinese).hasSize(32).isEqualTo(english);
    }

    @Test
    void everyReferenceSuitePassesOnTheChineseProgram() {
        CompiledProgram program = ENGINE.compile(ReferenceProgram.inChinese()).orThrow();

        for (Suite suite : ReferenceProgram.suites()) {
            SuiteReport report = SuiteRunner.run(program, suite);
            assertThat(report.scenarios()).as(suite.suite())
                    .allSatisfy(s -> assertThat(s.differences()).as(s.name()).isEmpty());
        }
    }

    /** Each rule's DRL as the engine compiles it, whitespace collapsed (indentation is the author's). */
    private static Map<String, String> drlByRule(RuleSet ruleSet) {
        Map<String, String> byRule = new TreeMap<>();
        for (RuleText text : ENGINE.ruleTexts(ruleSet)) {
            byRule.put(text.definition().name(), text.drl().replaceAll("\\s+", " ").strip());
        }
        return byRule;
    }
}
