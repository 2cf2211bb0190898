package io.jifen.engine.scenario;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleSets;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * QA's command line until the Jifen CLI ships:
 * <pre>
 *   run     --rules DIR [--junit DIR] SUITE...      pass/fail per scenario; exit 1 if any fails
 *   compare --rules DIR --against DIR SUITE...      scenarios whose result changes from DIR to the other
 * </pre>
 * Exit codes: 0 all passed (or compared), 1 a scenario failed, 2 bad usage or a rejected rule set.
 */
public final class SuiteCommand {
    private SuiteCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("run") || args[0].equals("compare"))) {
            err.println("usage: run --rules DIR [--junit DIR] SUITE... | compare --rules DIR --against DIR SUITE...");
            return 2;
        }
        Path rules = null;
        Path against = null;
        Path junit = null;
        List<Path> suites = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> rules = Path.of(args[++i]);
                case "--against" -> against = Path.of(args[++i]);
                case "--junit" -> junit = Path.of(args[++i]);
                default -> suites.add(Path.of(args[i]));
            }
        }
        if (rules == null || suites.isEmpty() || (args[0].equals("compare") && against == null)) {
            err.println("missing --rules, --against (for compare) or suite files");
            return 2;
        }
        LoyaltyEngine engine = new LoyaltyEngine();
        CompiledProgram program = compile(engine, rules, err);
        CompiledProgram other = against == null ? null : compile(engine, against, err);
        if (program == null || (against != null && other == null)) {
            return 2;
        }
        boolean allPassed = true;
        try {
            for (Path file : suites) {
                Suite suite = SuiteReader.read(file);
                if (other != null) {
                    out.print(RuleSetComparison.compare(program, other, suite).toText());
                    continue;
                }
                SuiteReport report = SuiteRunner.run(program, suite);
                out.print(report.toText());
                allPassed &= report.allPassed();
                if (junit != null) {
                    Files.createDirectories(junit);
                    Files.writeString(junit.resolve("TEST-" + suite.suite() + ".xml"), report.toJUnitXml());
                }
            }
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        return allPassed ? 0 : 1;
    }

    private static CompiledProgram compile(LoyaltyEngine engine, Path rules, PrintStream err) {
        CompilationResult result = engine.compile(RuleSets.fromDirectory(rules));
        if (result instanceof CompilationResult.Rejected rejected) {
            err.println("the rule set in " + rules + " is rejected:");
            rejected.diagnostics().forEach(d -> err.println("  " + d));
            return null;
        }
        return ((CompilationResult.Compiled) result).program();
    }
}
