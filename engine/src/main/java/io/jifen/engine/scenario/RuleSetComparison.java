package io.jifen.engine.scenario;

import io.jifen.engine.CompiledProgram;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same scenarios on two programs (say the live version and a draft) and lists the
 * scenarios whose results change, with each change as "before → after". Expectations are not
 * consulted: this answers "what would this draft change?", not "is it right?".
 */
public final class RuleSetComparison {
    private RuleSetComparison() {
    }

    public record ScenarioChange(String scenario, Observed before, Observed after, List<String> changes) {
    }

    public record Report(String suite, String beforeId, String afterId, int scenarios, List<ScenarioChange> changed) {
        public boolean identical() {
            return changed.isEmpty();
        }

        public String toText() {
            StringBuilder s = new StringBuilder("comparing ").append(suite).append(": ")
                    .append(beforeId, 0, Math.min(12, beforeId.length())).append(" → ")
                    .append(afterId, 0, Math.min(12, afterId.length())).append('\n');
            for (ScenarioChange change : changed) {
                s.append("  CHANGED ").append(change.scenario()).append('\n');
                change.changes().forEach(c -> s.append("          ").append(c).append('\n'));
            }
            return s.append(changed.size()).append(" of ").append(scenarios).append(" scenarios change\n").toString();
        }
    }

    public static Report compare(CompiledProgram before, CompiledProgram after, Suite suite) {
        List<ScenarioChange> changed = new ArrayList<>();
        for (Suite.Scenario scenario : suite.scenarios()) {
            Observed a = ScenarioRunner.observe(before, suite, scenario);
            Observed b = ScenarioRunner.observe(after, suite, scenario);
            List<String> changes = a.changesTo(b);
            if (!changes.isEmpty()) {
                changed.add(new ScenarioChange(scenario.name(), a, b, changes));
            }
        }
        return new Report(suite.suite(), before.id(), after.id(), suite.scenarios().size(), changed);
    }
}
