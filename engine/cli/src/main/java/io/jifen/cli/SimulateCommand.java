package io.jifen.cli;

import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.impact.ImpactAggregator;
import io.jifen.engine.impact.ImpactCsv;
import io.jifen.engine.impact.ImpactModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jifen simulate DIR --transactions FILE [--baseline DIR]}: the offline twin of the service's impact
 * simulation — the same report, added up by the same code ({@link ImpactAggregator}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay a file of purchases and events on a folder of rule files (the candidate) and on"
                + " --baseline (another folder; without it the baseline earns nothing) and report what changes: the"
                + " report of the service's impact simulation (docs/simulation.md), as text, --json or --csv.",
                "Transactions files: .jsonl (one API body a line) or .csv (docs/cli.md).",
                "Exit 0 when replayed (transactions the rules fail on are counted in the report), 2 when a rule set"
                        + " or the file is rejected."})
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Parameters(paramLabel = "DIR", description = "The candidate: a folder of rule files.")
    Path candidate;

    @Option(names = "--transactions", required = true, paramLabel = "FILE", description = "The purchases and events: FILE.jsonl or FILE.csv.")
    Path transactions;

    @Option(names = "--baseline", paramLabel = "DIR", description = "The folder of rule files compared with (say the live rules).")
    Path baseline;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--point-value", paramLabel = "AMOUNT", description = "What a point is worth in the currency (e.g. 0.01): prices the liability and the bonus rules' cost per extra sale.")
    BigDecimal pointValue;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "How many of the most changed transactions to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the report as CSV (the service's report.csv) to FILE.")
    Path csv;

    @Override
    public Integer call() throws IOException {
        if (top < 1 || top > 100) {
            throw Failure.usage("--top must be 1 to 100");
        }
        List<TransactionBody> bodies = TransactionFiles.all(transactions);
        if (bodies.isEmpty()) {
            throw Failure.usage(transactions + " holds no transactions");
        }
        LoyaltyEngine engine = new LoyaltyEngine();
        CompiledProgram candidateProgram = RuleFolders.compile(engine, candidate);
        CompiledProgram baselineProgram = baseline == null ? null : RuleFolders.compile(engine, baseline);
        Instant[] window = OfflineReplay.window(bodies, policy.zone);
        ImpactAggregator aggregator = new ImpactAggregator(window[0], window[1], policy.zone, top, 100);
        List<String> members;
        long started = System.nanoTime();
        try (Progress progress = output.progress("transactions", bodies.size())) {
            members = new OfflineReplay(candidateProgram, baselineProgram, policy.zone, policy.policy(), policy.currency,
                    aggregator, progress::step).run(OfflineReplay.byMember(bodies));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ImpactModels.Sections report = aggregator.build(policy.currency, pointValue, n -> members.get((int) n));
        String baselineName = baseline == null ? "NONE" : "FOLDER " + baseline;
        if (csv != null) {
            Files.writeString(csv, ImpactCsv.write("candidate", candidate.toString(), baselineName, report));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("candidate", candidate.toString());
        document.put("baseline", baseline == null ? null : baseline.toString());
        document.put("transactionsFile", transactions.toString());
        document.put("seconds", Math.round(seconds * 1000) / 1000.0);
        document.put("report", report);
        output.document(document);
        output.text(ImpactText.of(candidate, baseline, report));
        return Exit.PASSED;
    }
}
