package io.jifen.engine.compile;

import io.jifen.engine.evaluation.Phase;

/**
 * Where a rule of a rule set is defined: its name, its phase ({@code null} when it names none or an
 * unknown one — such a rule set is rejected, but an editor still lists the rule), and the file and
 * line the author wrote it at (the DSLR line for DSLR, the spreadsheet row for decision tables).
 */
public record RuleDefinition(String name, Phase phase, String file, int line) {
}
