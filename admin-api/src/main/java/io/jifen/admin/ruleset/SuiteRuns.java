package io.jifen.admin.ruleset;

import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.problem.Problem;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemType;
import io.jifen.engine.scenario.InvalidSuiteException;
import io.jifen.engine.scenario.RuleSetComparison;
import io.jifen.engine.scenario.Suite;
import io.jifen.engine.scenario.SuiteReader;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Regression suites sent over the API, run against any stored version (drafts included) or compared
 * between two. Read-only: nothing is written, not even an audit line.
 */
@ApplicationScoped
public class SuiteRuns {
    @Inject
    RuleVersions versions;

    /** A suite in the request body: JSON when {@code json} is true, YAML otherwise. */
    public static Suite parse(String body, boolean json) {
        if (body == null || body.isBlank()) {
            throw invalidSuite("the request body is empty; send the suite as YAML or JSON");
        }
        try {
            return SuiteReader.read(json ? "suite.json" : "suite.yaml", body);
        } catch (InvalidSuiteException e) {
            throw invalidSuite(e);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw invalidSuite(e.getMessage());
        }
    }

    /**
     * 422 invalid-suite: the detail names the first problem and its line; {@code errors} lists every
     * problem with its {@code line} and {@code column} in the suite's text and the key as {@code field}.
     */
    public static ProblemException invalidSuite(InvalidSuiteException e) {
        List<Problem.FieldError> errors = e.findings().stream()
                .map(f -> new Problem.FieldError(f.path(), f.message(), null, f.line(), f.column(), null)).toList();
        return ProblemException.of(ProblemType.INVALID_SUITE, e.getMessage(), errors);
    }

    public SuiteRunResult run(Merchant merchant, int number, Suite suite) {
        ActiveProgram program = versions.version(merchant, number);
        SuiteReport report = SuiteRunner.run(program.program(), suite);
        RuleVersionModels.SuiteRunView view = new RuleVersionModels.SuiteRunView(report.suite(), number,
                program.version().contentHash, report.scenarios().size(), report.passed(), report.failed(),
                scenarioViews(report));
        return new SuiteRunResult(view, report);
    }

    /** Each scenario's verdict, differences and observation, as the suite-run views show them. */
    public static List<RuleVersionModels.ScenarioView> scenarioViews(SuiteReport report) {
        return report.scenarios().stream().map(r -> new RuleVersionModels.ScenarioView(r.name(), r.passed(),
                r.differences(), RuleVersionModels.observed(r.observed()))).toList();
    }

    /** Each scenario whose result changes, with the changes and both observations, as the comparison views show them. */
    public static List<RuleVersionModels.ScenarioChangeView> changeViews(RuleSetComparison.Report report) {
        return report.changed().stream().map(c -> new RuleVersionModels.ScenarioChangeView(c.scenario(), c.changes(),
                RuleVersionModels.observed(c.before()), RuleVersionModels.observed(c.after()))).toList();
    }

    public RuleVersionModels.ComparisonView compare(Merchant merchant, int from, int to, Suite suite) {
        ActiveProgram before = versions.version(merchant, from);
        ActiveProgram after = versions.version(merchant, to);
        RuleSetComparison.Report report;
        try {
            report = RuleSetComparison.compare(before.program(), after.program(), suite);
        } catch (RuntimeException e) {
            // the runner reports per scenario; the comparison stops at the first scenario that cannot run
            throw invalidSuite("a scenario cannot run: " + e.getMessage());
        }
        return new RuleVersionModels.ComparisonView(report.suite(), from, to, report.scenarios(), report.identical(),
                changeViews(report));
    }

    /** The JSON view and the engine's report (for JUnit XML). */
    public record SuiteRunResult(RuleVersionModels.SuiteRunView view, SuiteReport report) {
    }

    private static ProblemException invalidSuite(String detail) {
        return ProblemException.of(ProblemType.INVALID_SUITE, detail);
    }
}
