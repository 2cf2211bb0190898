package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs every scenario of a suite against a compiled program. */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    public static SuiteReport run(CompiledProgram program, Suite suite) {
        return run(program, suite, report -> {
        });
    }

    /** The same run, telling {@code done} each scenario's verdict as it comes (a command line's progress bar). */
    public static SuiteReport run(CompiledProgram program, Suite suite, Consumer<ScenarioReport> done) {
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
            ScenarioReport report = new ScenarioReport(scenario.name(), differences.isEmpty(), differences, observed,
                    System.nanoTime() - start);
            reports.add(report);
            done.accept(report);
        }
        return new SuiteReport(suite.suite(), program.id(), reports);
    }
}
