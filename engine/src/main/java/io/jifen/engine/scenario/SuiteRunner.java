package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;

import java.util.ArrayList;
import java.util.List;

/** Runs every scenario of a suite against a compiled program. */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    public static SuiteReport run(CompiledProgram program, Suite suite) {
        List<ScenarioReport> reports = new ArrayList<>();
        for (Suite.Scenario scenario : suite.scenarios()) {
            long start = System.nanoTime();
            List<String> differences;
            Observed observed = null;
            try {
                observed = ScenarioRunner.observe(program, suite, scenario);
                differences = Expectations.differences(scenario.then(), observed);
            } catch (RuntimeException e) {
                differences = List.of("the scenario could not run: " + e.getMessage());
            }
            reports.add(new ScenarioReport(scenario.name(), differences.isEmpty(), differences, observed,
                    System.nanoTime() - start));
        }
        return new SuiteReport(suite.suite(), program.id(), reports);
    }
}
