package io.jifen.cli;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.scenario.ScenarioReport;
import io.jifen.engine.scenario.SuiteReport;
import io.jifen.engine.scenario.SuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code jifen test DIR SUITE... [--junit DIR]}: runs regression suites on a folder of rule files. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run regression suites (docs/regression-suites.md) on a folder of rule files: PASS or FAIL per"
                + " scenario, each difference beneath a failure.",
                "Exit 0 when every scenario passes, 1 when one fails, 2 when the rule set or a suite is rejected."})
final class TestCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder of rule files.")
    Path folder;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SUITE",
            description = "Suite files (YAML or JSON), or folders of them.")
    List<Path> suites;

    @Option(names = "--junit", paramLabel = "DIR", description = "Also write one JUnit XML report per suite here (TEST-<suite>.xml), for CI.")
    Path junit;

    @Option(names = "--failures-only", description = "List only the failing scenarios (and each suite's count).")
    boolean failuresOnly;

    @Override
    public Integer call() throws IOException {
        // the rules compile on another thread while the suites are read: a large suite takes seconds to read
        CompletableFuture<CompiledProgram> compiling = CompletableFuture.supplyAsync(
                () -> RuleFolders.compile(new LoyaltyEngine(), folder));
        List<Suites.Named> named;
        try {
            named = Suites.read(suites);
        } finally {
            programOf(compiling); // a rejected rule set is told first, whatever the suites
        }
        CompiledProgram program = programOf(compiling);
        long scenarios = named.stream().mapToLong(n -> n.suite().scenarios().size()).sum();
        List<SuiteReport> reports = new ArrayList<>();
        long started = System.nanoTime();
        try (Progress progress = output.progress("scenarios", scenarios)) {
            for (Suites.Named n : named) {
                reports.add(SuiteRunner.run(program, n.suite(), scenario -> progress.step()));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (junit != null) {
            Files.createDirectories(junit);
            for (SuiteReport report : reports) {
                Files.writeString(junit.resolve("TEST-" + fileName(report.suite()) + ".xml"), report.toJUnitXml());
            }
        }
        long passed = reports.stream().mapToLong(SuiteReport::passed).sum();
        long failed = reports.stream().mapToLong(SuiteReport::failed).sum();
        for (SuiteReport report : reports) {
            output.text(failuresOnly ? failures(report) : report.toText());
        }
        output.line(String.format("%d passed, %d failed (%d suites on program %s in %.1f s)", passed, failed,
                reports.size(), program.id().substring(0, 12), seconds));
        output.document(document(program, named, reports, passed, failed, seconds));
        return failed == 0 ? Exit.PASSED : Exit.SCENARIO_FAILED;
    }

    private static CompiledProgram programOf(CompletableFuture<CompiledProgram> compiling) {
        try {
            return compiling.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String failures(SuiteReport report) {
        StringBuilder s = new StringBuilder("suite ").append(report.suite()).append(": ").append(report.passed())
                .append(" passed, ").append(report.failed()).append(" failed\n");
        for (ScenarioReport r : report.scenarios()) {
            if (!r.passed()) {
                s.append("  FAIL ").append(r.name()).append('\n');
                r.differences().forEach(d -> s.append("         ").append(d).append('\n'));
            }
        }
        return s.toString();
    }

    /** A suite's name as a file name: what is not a letter, digit, dot, dash or underscore becomes a dash. */
    private static String fileName(String suite) {
        return suite == null ? "suite" : suite.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    }

    private static Map<String, Object> document(CompiledProgram program, List<Suites.Named> named,
                                                List<SuiteReport> reports, long passed, long failed, double seconds) {
        List<Map<String, Object>> suites = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            SuiteReport report = reports.get(i);
            Map<String, Object> suite = new LinkedHashMap<>();
            suite.put("suite", report.suite());
            suite.put("file", named.get(i).file().toString());
            suite.put("passed", report.passed());
            suite.put("failed", report.failed());
            suite.put("scenarios", report.scenarios().stream().map(r -> {
                Map<String, Object> scenario = new LinkedHashMap<>();
                scenario.put("name", r.name());
                scenario.put("passed", r.passed());
                scenario.put("differences", r.differences());
                return scenario;
            }).toList());
            suites.add(suite);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("program", program.id());
        document.put("passed", passed);
        document.put("failed", failed);
        document.put("seconds", Math.round(seconds * 1000) / 1000.0);
        document.put("suites", suites);
        return document;
    }
}
