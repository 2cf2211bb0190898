package io.jifen.cli;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.RuleDefinition;
import io.jifen.engine.compile.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jifen validate DIR}: compiles a folder of rule files as an upload is compiled, and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compile a folder of rule files exactly as the service compiles an upload (translation, safety"
                + " rules, limits, the Drools build) and list every problem as file:line or file!cell.",
                "Exit 0 when the rule set compiles, 2 when it is rejected."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    Output output;

    @Parameters(paramLabel = "DIR", description = "The folder of rule files (*.drl, *.dslr, *.dsl, *.csv, *.xlsx, *.xls).")
    Path folder;

    @Override
    public Integer call() {
        RuleSet ruleSet = RuleFolders.read(folder);
        CompilationResult result = new LoyaltyEngine().compile(ruleSet);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("folder", folder.toString());
        document.put("contentHash", ruleSet.contentHash());
        document.put("files", ruleSet.files().size());
        if (result instanceof CompilationResult.Compiled compiled) {
            List<RuleDefinition> rules = compiled.program().rules();
            document.put("ok", true);
            document.put("rules", rules.stream().map(DiffCommand.RuleView::of).toList());
            document.put("diagnostics", List.of());
            output.document(document);
            output.line(folder + ": " + rules.size() + " rules in " + ruleSet.files().size()
                    + " files compile (program " + ruleSet.contentHash().substring(0, 12) + ")");
            return Exit.PASSED;
        }
        if (result instanceof CompilationResult.Rejected rejected) {
            List<String> lines = RuleFolders.located(folder, rejected.diagnostics());
            document.put("ok", false);
            document.put("rules", rejected.rules().stream().map(DiffCommand.RuleView::of).toList());
            document.put("diagnostics", rejected.diagnostics().stream().map(d -> {
                Map<String, Object> diagnostic = new LinkedHashMap<>();
                String located = RuleFolders.located(folder, List.of(d)).get(0);
                diagnostic.put("at", located.substring(0, located.length() - d.message().length() - 2));
                diagnostic.put("file", d.file());
                diagnostic.put("line", d.line() > 0 ? d.line() : null);
                diagnostic.put("column", d.column() > 0 ? d.column() : null);
                diagnostic.put("cell", d.cell());
                diagnostic.put("message", d.message());
                return diagnostic;
            }).toList());
            output.document(document);
            lines.forEach(output::line);
            output.line(folder + ": rejected, " + lines.size() + " problem(s)");
            return Exit.REJECTED_OR_USAGE;
        }
        throw new Failure(Exit.REJECTED_OR_USAGE, folder + " is not compiled: " + result.describe());
    }
}
