package io.jifen.cli;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleChanges;
import io.jifen.engine.compile.RuleDefinition;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleText;
import io.jifen.engine.scenario.RuleSetComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code jifen diff DIR_A DIR_B [--suites SUITE...]}: what changes from one folder of rule files to
 * another, rule by rule (as the service's rule diff compares versions: by name, on the text as compiled
 * and the phase), and, with suites, the scenarios whose result changes ({@link RuleSetComparison}).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two folders of rule files: rules added, removed and changed (by name, on the rule as"
                + " compiled and its phase), and with --suites the scenarios whose result changes from DIR_A to DIR_B"
                + " (expectations are not consulted).",
                "Exit 0 when compared (changes or not), 2 when a rule set or a suite is rejected."})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Parameters(index = "0", paramLabel = "DIR_A", description = "The folder compared from (say the live rules).")
    Path before;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "The folder compared to (say a draft).")
    Path after;

    @Option(names = "--suites", arity = "1..*", paramLabel = "SUITE",
            description = "Suite files or folders whose scenarios run on both rule sets.")
    List<Path> suites = List.of();

    record RuleView(String name, String phase, String file, int line) {
        static RuleView of(RuleDefinition d) {
            return new RuleView(d.name(), d.phase() == null ? null : d.phase().agendaGroup(), d.file(), d.line());
        }
    }

    record ChangedRule(String name, RuleView from, RuleView to, List<String> lines) {
    }

    @Override
    public Integer call() {
        LoyaltyEngine engine = new LoyaltyEngine();
        List<RuleText> a = ruleTexts(engine, before);
        List<RuleText> b = ruleTexts(engine, after);
        RuleChanges changes = RuleChanges.between(a, b);
        List<RuleView> added = changes.added().stream().map(r -> RuleView.of(r.definition())).toList();
        List<RuleView> removed = changes.removed().stream().map(r -> RuleView.of(r.definition())).toList();
        List<ChangedRule> changed = changes.changed().stream().map(c -> new ChangedRule(c.name(),
                RuleView.of(c.before().definition()), RuleView.of(c.after().definition()),
                LineDiff.changes(c.before().drl(), c.after().drl()))).toList();
        int unchanged = changes.unchanged().size();
        StringBuilder s = new StringBuilder("rules from ").append(before).append(" to ").append(after).append(": ")
                .append(added.size()).append(" added, ").append(removed.size()).append(" removed, ")
                .append(changed.size()).append(" changed, ").append(unchanged).append(" unchanged\n");
        added.forEach(r -> s.append("  ADDED   ").append(describe(r, after)).append('\n'));
        removed.forEach(r -> s.append("  REMOVED ").append(describe(r, before)).append('\n'));
        for (ChangedRule c : changed) {
            s.append("  CHANGED ").append(describe(c.to(), after)).append('\n');
            if (!Objects.equals(c.from().phase(), c.to().phase())) {
                s.append("          phase: ").append(c.from().phase()).append(" → ").append(c.to().phase()).append('\n');
            }
            c.lines().forEach(l -> s.append("          ").append(l).append('\n'));
        }
        List<RuleSetComparison.Report> comparisons = new ArrayList<>();
        if (!suites.isEmpty()) {
            List<Suites.Named> named = Suites.read(suites);
            CompiledProgram programA = RuleFolders.compile(engine, before);
            CompiledProgram programB = RuleFolders.compile(engine, after);
            for (Suites.Named n : named) {
                RuleSetComparison.Report report = RuleSetComparison.compare(programA, programB, n.suite());
                comparisons.add(report);
                s.append(report.toText());
            }
        }
        output.text(s.toString());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("from", before.toString());
        document.put("to", after.toString());
        document.put("added", added);
        document.put("removed", removed);
        document.put("changed", changed);
        document.put("unchanged", unchanged);
        document.put("suites", comparisons.stream().map(r -> {
            Map<String, Object> suite = new LinkedHashMap<>();
            suite.put("suite", r.suite());
            suite.put("scenarios", r.scenarios());
            suite.put("identical", r.identical());
            suite.put("changed", r.changed().stream().map(c -> Map.of("scenario", c.scenario(), "changes", c.changes()))
                    .toList());
            return suite;
        }).toList());
        output.document(document);
        return Exit.PASSED;
    }

    private static String describe(RuleView r, Path folder) {
        return r.name() + " (" + (r.phase() == null ? "no phase" : r.phase()) + ", " + folder.resolve(r.file())
                + (r.line() > 0 ? ":" + r.line() : "") + ")";
    }

    /** The rules as compiled; files that do not even parse are the compiler's diagnostics (exit 2). */
    private static List<RuleText> ruleTexts(LoyaltyEngine engine, Path folder) {
        RuleSet ruleSet = RuleFolders.read(folder);
        try {
            return engine.ruleTexts(ruleSet);
        } catch (IllegalArgumentException unreadable) {
            RuleFolders.compile(engine, folder); // throws the diagnostics
            throw Failure.usage("the rules in " + folder + " cannot be read: " + unreadable.getMessage());
        }
    }
}
