package io.jifen.engine.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link RuleSetLimits} checks, one per stage of {@link RuleSetCompiler}: sizes before anything
 * is read, table rows once the tables are translated (before parsing), rules once the DRL is parsed.
 * Each returns diagnostics; none of them changes what an accepted rule set compiles to.
 */
final class RuleSetBudget {
    /** Drools writes one such comment above each rule it generates from a decision-table row. */
    private static final Pattern RULE_VALUES_AT = Pattern.compile("rule values at ([A-Z]+)(\\d+)");

    private RuleSetBudget() {
    }

    /** Files and the whole rule set within their byte limits; checked before any file is translated. */
    static List<Diagnostic> sizes(RuleSet ruleSet, RuleSetLimits limits) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (RuleFile file : ruleSet.files()) {
            if (file.size() > limits.maxFileBytes()) {
                diagnostics.add(new Diagnostic(file.name(), 0, 0, "the file has " + file.size()
                        + " bytes, more than the limit of " + limits.maxFileBytes() + " bytes per rule file"));
            }
        }
        if (ruleSet.totalBytes() > limits.maxRuleSetBytes()) {
            diagnostics.add(new Diagnostic("(rule set)", 0, 0, "the rule files have " + ruleSet.totalBytes()
                    + " bytes together, more than the limit of " + limits.maxRuleSetBytes() + " bytes per rule set"));
        }
        return diagnostics;
    }

    /**
     * Every decision table within {@code maxTableRows} rule rows. Rows are counted on the DRL the
     * table compiled to (one rule per row, each marked with its cell), so header, blank and comment
     * rows never count, and the diagnostic names the first row over the limit.
     */
    static List<Diagnostic> tableRows(List<TranslatedSource> sources, RuleSetLimits limits) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (TranslatedSource source : sources) {
            if (!source.kind().isDecisionTable()) {
                continue;
            }
            Matcher m = RULE_VALUES_AT.matcher(source.drl());
            int rows = 0;
            while (m.find()) {
                if (++rows > limits.maxTableRows()) {
                    diagnostics.add(new Diagnostic(source.fileName(), Integer.parseInt(m.group(2)), 0,
                            "this row is rule " + rows + " of the table, over the limit of " + limits.maxTableRows()
                                    + " rule rows per decision table: split the table or remove rows"));
                    break;
                }
            }
        }
        return diagnostics;
    }

    /**
     * The rule set within {@code maxRules} rules. {@code definitions} holds where each rule was
     * defined, in the order the compiler met them; the diagnostic names the first rule over the limit.
     */
    static List<Diagnostic> rules(List<Diagnostic> definitions, RuleSetLimits limits) {
        if (definitions.size() <= limits.maxRules()) {
            return List.of();
        }
        Diagnostic first = definitions.get(limits.maxRules());
        return List.of(new Diagnostic(first.file(), first.line(), 0, "the rule set has " + definitions.size()
                + " rules, more than the limit of " + limits.maxRules() + " rules per rule set; rule "
                + (limits.maxRules() + 1) + " starts here"));
    }

    /**
     * Stops a compile whose caller has given up on it (its time limit passed and the engine
     * interrupted the compiling thread): checked between stages, so an abandoned compile does not go
     * on to the knowledge-base build. Drools itself does not look at interrupts.
     */
    static void stopIfAbandoned() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the compile was abandoned: it ran past its time limit");
        }
    }
}
