package io.jifen.cli;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.LoyaltyEngine;
import io.jifen.engine.compile.Diagnostic;
import io.jifen.engine.compile.RuleSet;
import io.jifen.engine.compile.RuleSets;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Folders of rule files, read and compiled as the service compiles an upload ({@link LoyaltyEngine#compile}). */
final class RuleFolders {
    private RuleFolders() {
    }

    /** Every rule file under the folder, named by its path inside it. */
    static RuleSet read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw Failure.usage(folder + " is not a folder of rule files");
        }
        RuleSet ruleSet;
        try {
            ruleSet = RuleSets.fromDirectory(folder);
        } catch (UncheckedIOException e) {
            throw Failure.usage(e.getMessage() + ": " + e.getCause().getMessage());
        }
        if (ruleSet.files().isEmpty()) {
            throw Failure.usage(folder + " holds no rule files (*.drl, *.dslr, *.dsl, *.csv, *.xlsx, *.xls)");
        }
        return ruleSet;
    }

    /** The program, or a failure (exit 2) listing every diagnostic as folder/file:line or folder/file!cell. */
    static CompiledProgram compile(LoyaltyEngine engine, Path folder) {
        CompilationResult result = engine.compile(read(folder));
        if (result instanceof CompilationResult.Compiled compiled) {
            return compiled.program();
        }
        if (result instanceof CompilationResult.Rejected rejected) {
            throw new Failure(Exit.REJECTED_OR_USAGE, "the rule set in " + folder + " is rejected: "
                    + rejected.diagnostics().size() + " problem(s)", located(folder, rejected.diagnostics()));
        }
        throw new Failure(Exit.REJECTED_OR_USAGE, "the rule set in " + folder + " is not compiled: " + result.describe());
    }

    /** Each diagnostic with the file named by its path from here, so a terminal or an editor can open it. */
    static List<String> located(Path folder, List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> new Diagnostic(folder.resolve(d.file()).toString(), d.line(), d.column(),
                d.cell(), d.message()).toString()).toList();
    }
}
