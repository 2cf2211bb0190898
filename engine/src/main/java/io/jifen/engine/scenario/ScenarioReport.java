package io.jifen.engine.scenario;

import java.util.List;

/** One scenario's verdict: passed, or the differences between what was expected and what happened. */
public record ScenarioReport(String name, boolean passed, List<String> differences, Observed observed,
                             long durationNanos) {
    public ScenarioReport {
        differences = List.copyOf(differences);
    }
}
