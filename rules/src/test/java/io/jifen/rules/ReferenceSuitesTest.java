package io.jifen.rules;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.scenario.ScenarioReport;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QA regression gate: every scenario of every reference suite becomes one test, named by the
 * scenario, failing with the report's differences. JUnit XML per suite goes to
 * {@code target/scenario-reports/} as well, the way a CI job would publish a suite run.
 */
class ReferenceSuitesTest {
    static final Path REPORTS = Path.of("target", "scenario-reports");

    @TestFactory
    Stream<DynamicContainer> everyScenarioOfTheReferenceSuitesHolds() throws IOException {
        CompiledProgram program = new LoyaltyEngine().compile(ReferenceProgram.ruleSet()).orThrow();
        Files.createDirectories(REPORTS);
        return ReferenceProgram.SUITES.stream().map(file -> {
            Suite suite = ReferenceProgram.suite(file);
            SuiteReport report = SuiteRunner.run(program, suite);
            writeJUnitXml(report);
            return DynamicContainer.dynamicContainer(suite.suite(),
                    report.scenarios().stream().map(ReferenceSuitesTest::asTest));
        });
    }

    private static DynamicTest asTest(ScenarioReport scenario) {
        return DynamicTest.dynamicTest(scenario.name(), () -> assertThat(scenario.differences())
                .as("differences in scenario \"%s\"", scenario.name())
                .isEmpty());
    }

    private static void writeJUnitXml(SuiteReport report) {
        try {
            Files.writeString(REPORTS.resolve("TEST-suite-" + report.suite() + ".xml"), report.toJUnitXml(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
