package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;

import java.util.List;

/**
 * What must hold before a version goes live: every current stored suite of the merchant passes on
 * it. Implemented by the stored suites ({@code io.jifen.admin.suite}); declared here so activation
 * does not depend on how suites are stored.
 */
public interface ActivationGate {

    /** Runs the merchant's current stored suites on {@code program}, compiled already. */
    Verdict check(Merchant merchant, ActiveProgram program);

    /**
     * The run behind an activation: how many current suites and scenarios ran, how many scenarios
     * failed, and each suite with failing scenarios. {@code suites == 0}: the merchant stores none.
     */
    record Verdict(int suites, int scenarios, int failed, List<FailingSuite> failures) {
        public Verdict {
            failures = List.copyOf(failures);
        }

        public static final Verdict NO_SUITES = new Verdict(0, 0, 0, List.of());

        public boolean passed() {
            return failed == 0;
        }

        public int passedScenarios() {
            return scenarios - failed;
        }
    }

    /** A stored suite with failing scenarios: its name, the revision that ran, its own {@code suite:} name. */
    record FailingSuite(String name, int revision, String suite, List<FailingScenario> scenarios) {
        public FailingSuite {
            scenarios = List.copyOf(scenarios);
        }
    }

    record FailingScenario(String name, List<String> differences) {
        public FailingScenario {
            differences = List.copyOf(differences);
        }
    }
}
