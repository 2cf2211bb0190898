package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.jifen.engine.Fixtures.drl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteRunnerReportsDifferencesTest {
    private static final String RULES = """
            rule "base"
                ruleflow-group "base"
            when
                Purchase()
            then
                actions.pointsPerUnit(%s, 1, "base rate");
            end
            """;
    private static final LoyaltyEngine ENGINE = new LoyaltyEngine();
    private static final CompiledProgram ONE_PER_YUAN = ENGINE.compile(drl("base.drl", RULES.formatted("1"))).orThrow();
    private static final CompiledProgram TWO_PER_YUAN = ENGINE.compile(drl("base.drl", RULES.formatted("2"))).orThrow();

    private static final String SUITE = """
            suite: earning
            zone: Asia/Shanghai
            defaults:
              member: {tier: REGULAR}
            scenarios:
              - name: regular member earns one point per yuan
                when:
                  purchase:
                    at: 2026-03-05T10:00
                    lines: [{sku: A, category: grocery, amount: 100.00}]
                then:
                  totalPoints: 100
                  awards: {base: 100}
              - name: a wrong expectation is reported with both values
                when:
                  purchase:
                    at: 2026-03-05T10:00
                    lines: [{sku: A, category: grocery, amount: 10.00}]
                then:
                  totalPoints: 11
              - name: negative amount is refused
                when:
                  purchase:
                    at: 2026-03-05T10:00
                    lines: [{sku: A, category: grocery, amount: -1.00}]
                then:
                  refused: ["purchase.lines[0].amount", "purchase.total"]
            """;

    @Test
    void failingScenarioShowsExpectedAndActualInTextAndJUnitXml() throws IOException {
        SuiteReport report = SuiteRunner.run(ONE_PER_YUAN, SuiteReader.read("earning.yaml", SUITE));
        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.toText()).contains("FAIL a wrong expectation is reported with both values")
                .contains("totalPoints: expected 11, was 10").contains("2 passed, 1 failed");
        assertThat(report.toJUnitXml()).contains("tests=\"3\" failures=\"1\"")
                .contains("<failure message=\"totalPoints: expected 11, was 10\"");
    }

    @Test
    void comparisonListsOnlyTheScenariosWhoseResultChanges() throws IOException {
        RuleSetComparison.Report report = RuleSetComparison.compare(ONE_PER_YUAN, TWO_PER_YUAN,
                SuiteReader.read("earning.yaml", SUITE));
        assertThat(report.changed()).extracting(RuleSetComparison.ScenarioChange::scenario)
                .containsExactly("regular member earns one point per yuan", "a wrong expectation is reported with both values");
        assertThat(report.changed().get(0).changes()).contains("totalPoints: 100 → 200", "awards[base]: 100 → 200");
        assertThat(report.toText()).contains("2 of 3 scenarios change");
    }

    @Test
    void typoInAnExpectationIsAnErrorNotASilentPass() {
        assertThatThrownBy(() -> SuiteReader.read("bad.yaml", """
                suite: bad
                scenarios:
                  - name: typo
                    when: {tier: {at: 2026-01-01T00:00}}
                    then: {totalPoints: 1, totalPionts: 2}
                """)).isInstanceOf(IOException.class).hasMessageContaining("totalPionts");
    }
}
