package io.jifen.admin.suite;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.ruleset.ActivationGate;
import io.jifen.admin.ruleset.ActiveProgram;
import io.jifen.admin.ruleset.RuleVersionModels;
import io.jifen.admin.ruleset.RuleVersions;
import io.jifen.admin.ruleset.SuiteRuns;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.scenario.RuleSetComparison;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The merchant's current stored suites run on a version, compared between two, and as the
 * activation gate. Read-only: nothing is written, not even an audit line.
 */
@ApplicationScoped
public class StoredSuiteRuns implements ActivationGate {
    @Inject
    StoredSuites suites;

    @Inject
    RuleVersions versions;

    /** Every current stored suite on version {@code number}: each scenario's verdict and differences. */
    public SuiteModels.StoredRunView run(Merchant merchant, int number) {
        ActiveProgram program = versions.version(merchant, number);
        return summary(number, program.version().contentHash, runAll(merchant.id, program.program()));
    }

    /** Every current stored suite on a draft's program (not saved, so no number: {@code version} is null). */
    public SuiteModels.StoredRunView runOnDraft(Merchant merchant, CompiledProgram program) {
        return summary(null, program.id(), runAll(merchant.id, program));
    }

    private static SuiteModels.StoredRunView summary(Integer version, String contentHash,
                                                     List<SuiteModels.SuiteRunView> results) {
        int scenarios = results.stream().mapToInt(SuiteModels.SuiteRunView::scenarios).sum();
        long failed = results.stream().mapToLong(SuiteModels.SuiteRunView::failed).sum();
        return new SuiteModels.StoredRunView(version, contentHash, results.size(), scenarios, scenarios - failed, failed,
                results);
    }

    /** Every current stored suite on versions {@code from} and {@code to}: the scenarios whose result changes. */
    public SuiteModels.StoredComparisonView compare(Merchant merchant, int from, int to) {
        CompiledProgram before = versions.version(merchant, from).program();
        CompiledProgram after = versions.version(merchant, to).program();
        List<SuiteModels.SuiteComparisonView> results = new ArrayList<>();
        for (StoredSuites.Current current : suites.current(merchant.id)) {
            if (current.suite() == null) {
                results.add(new SuiteModels.SuiteComparisonView(current.name(), current.revision(), current.title(), 1,
                        false, List.of(new RuleVersionModels.ScenarioChangeView(UNREADABLE,
                        List.of(current.problem()), null, null))));
                continue;
            }
            List<RuleVersionModels.ScenarioChangeView> changed = new ArrayList<>();
            for (Suite.Scenario scenario : current.suite().scenarios()) {
                changed.addAll(compareOne(before, after, current.suite(), scenario));
            }
            results.add(new SuiteModels.SuiteComparisonView(current.name(), current.revision(), current.suite().suite(),
                    current.suite().scenarios().size(), changed.isEmpty(), changed));
        }
        int scenarios = results.stream().mapToInt(SuiteModels.SuiteComparisonView::scenarios).sum();
        int changed = results.stream().mapToInt(r -> r.changed().size()).sum();
        return new SuiteModels.StoredComparisonView(from, to, results.size(), scenarios, changed, changed == 0, results);
    }

    /**
     * One scenario on both programs, through {@link RuleSetComparison} as the comparison endpoint
     * runs it; scenario by scenario so that one that cannot run is reported as such and the others
     * still compared.
     */
    private static List<RuleVersionModels.ScenarioChangeView> compareOne(CompiledProgram before, CompiledProgram after,
                                                                         Suite suite, Suite.Scenario scenario) {
        Suite single = new Suite(suite.suite(), suite.zone(), suite.policy(), suite.defaults(), List.of(scenario));
        try {
            return SuiteRuns.changeViews(RuleSetComparison.compare(before, after, single));
        } catch (RuntimeException e) {
            return List.of(new RuleVersionModels.ScenarioChangeView(scenario.name(),
                    List.of("the scenario could not run: " + e.getMessage()), null, null));
        }
    }

    @Override
    public Verdict check(Merchant merchant, ActiveProgram program) {
        List<SuiteModels.SuiteRunView> results = runAll(merchant.id, program.program());
        List<FailingSuite> failures = new ArrayList<>();
        int scenarios = 0;
        int failed = 0;
        for (SuiteModels.SuiteRunView r : results) {
            scenarios += r.scenarios();
            failed += (int) r.failed();
            if (r.failed() > 0) {
                failures.add(new FailingSuite(r.name(), r.revision(), r.suite(), r.results().stream()
                        .filter(s -> !s.passed()).map(s -> new FailingScenario(s.name(), s.differences())).toList()));
            }
        }
        return new Verdict(results.size(), scenarios, failed, failures);
    }

    /** What a stored suite that can no longer be read reports as its one scenario. */
    static final String UNREADABLE = "(the stored suite cannot be read)";

    private List<SuiteModels.SuiteRunView> runAll(long merchantId, CompiledProgram program) {
        List<SuiteModels.SuiteRunView> results = new ArrayList<>();
        for (StoredSuites.Current current : suites.current(merchantId)) {
            if (current.suite() == null) {
                // stored suites are checked when stored: only a change of the suite format gets here, and it fails loudly
                results.add(new SuiteModels.SuiteRunView(current.name(), current.revision(), current.title(), 1, 0, 1,
                        List.of(new RuleVersionModels.ScenarioView(UNREADABLE, false, List.of(current.problem()), null))));
                continue;
            }
            SuiteReport report = SuiteRunner.run(program, current.suite());
            results.add(new SuiteModels.SuiteRunView(current.name(), current.revision(), report.suite(),
                    report.scenarios().size(), report.passed(), report.failed(), SuiteRuns.scenarioViews(report)));
        }
        return results;
    }
}
