package io.jifen.admin.ruleset;

import io.jifen.engine.CompilationResult;
import io.jifen.engine.CompiledProgram;
import io.jifen.engine.compile.Diagnostic;
import io.jifen.engine.compile.RuleDefinition;
import io.jifen.engine.compile.RuleFile;
import io.jifen.engine.compile.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Compiles draft rule files for an editor and stores nothing: no version, no audit entry, and no
 * cached program. The draft goes through the same engine compile as an upload, so a draft that
 * compiles here is accepted as a version, and it is bound by the same limits (503 compiler-busy
 * when every compile slot is taken, 422 rule-set-too-slow past the time limit).
 */
@ApplicationScoped
public class DraftCompiler {
    @Inject
    ProgramRegistry registry;

    public RuleVersionModels.CompilationView compile(List<RuleFile> files) {
        RuleSet ruleSet = ProgramRegistry.ruleSetOf(files);
        CompilationResult result = registry.check(ruleSet);
        if (result instanceof CompilationResult.Rejected rejected) {
            return new RuleVersionModels.CompilationView(false, ruleSet.contentHash(),
                    rejected.diagnostics().stream().map(DraftCompiler::view).toList(),
                    rejected.rules().stream().map(DraftCompiler::view).toList());
        }
        return new RuleVersionModels.CompilationView(true, ruleSet.contentHash(), List.of(),
                result.orThrow().rules().stream().map(DraftCompiler::view).toList());
    }

    /**
     * The compiled program of draft files, to run suites on before they are saved (never cached, as
     * {@link #compile}); 422 rule-set-rejected with every diagnostic when they do not compile.
     */
    public CompiledProgram program(List<RuleFile> files) {
        CompilationResult result = registry.check(ProgramRegistry.ruleSetOf(files));
        if (result instanceof CompilationResult.Rejected rejected) {
            throw ProgramRegistry.rejected(rejected, "nothing was run");
        }
        return result.orThrow();
    }

    /** Version {@code against} and draft files compared rule by rule ({@code to} is null: the draft). */
    public RuleVersionModels.RuleDiffView ruleDiff(RuleVersion against, List<RuleFile> files) {
        return RuleDiff.between(against.number, null, registry.ruleTexts(against),
                registry.ruleTexts(ProgramRegistry.ruleSetOf(files)));
    }

    static RuleVersionModels.DiagnosticView view(Diagnostic d) {
        return new RuleVersionModels.DiagnosticView(d.file(), d.line() > 0 ? d.line() : null,
                d.column() > 0 ? d.column() : null, d.cell(), d.message());
    }

    static RuleVersionModels.RuleView view(RuleDefinition r) {
        return new RuleVersionModels.RuleView(r.name(), r.phase() == null ? null : r.phase().agendaGroup(), r.file(),
                r.line() > 0 ? r.line() : null);
    }
}
